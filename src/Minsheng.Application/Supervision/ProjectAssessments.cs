using System.Globalization;
using System.Text.Json;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;
using Minsheng.Domain.Values;
using Minsheng.Plugins.Abstractions;
using Npgsql;

namespace Minsheng.Application.Supervision;

/// <summary>
/// A project's assessment on a day, with the light history's record it continued from, and the epoch of the project's
/// stored assessment its facts were read with (null when the project has no stored row).
/// </summary>
public sealed record AssessedProject(Guid ProjectId, ProjectAssessment Assessment, LightSince? Recorded, long? Epoch = null);

/// <summary>
/// Assessments of projects on any day, one loader per day asked for in the request (the day is part of the statement).
/// "Today" is the tenant's local date from the clock, so tests pin it with a fixed TimeProvider.
/// </summary>
public sealed class ProjectAssessments(ReadSession session, TimeProvider clock, StoredAssessmentWriter store, Plugins.CertificationRules certificationRules,
    StatusDefaults defaults)
{
    private readonly Dictionary<DateOnly, AssessmentLoader> _byDay = [];
    private StoredAssessmentLoader? _stored;

    public DateOnly Today => clock.Today();

    /// <summary>Today's stored assessments, for the projects a page is about to show (loaded along with it).</summary>
    internal StoredAssessmentLoader Stored => _stored ??= new StoredAssessmentLoader(session, Today);

    /// <summary>
    /// A project's assessment today when the page brought its stored one along and it is fresh: at hand, no loader, no
    /// round trip (the common case once a project has been assessed today).
    /// </summary>
    public bool TryStoredToday(Guid projectId, out ProjectAssessment assessment)
    {
        assessment = null!;
        return _stored is not null && _stored.Day == Today && _stored.TryPeek(projectId, out var stored) && (assessment = stored!) is not null;
    }

    /// <summary>
    /// A project's assessment today worked out from its facts (batched with the other projects of the level) and offered
    /// to the store for the next reader.
    /// </summary>
    public Deferred<ProjectAssessment?> WorkOutToday(Guid projectId)
    {
        var today = Today;
        var live = On(today).Load(projectId);
        return new Deferred<ProjectAssessment?>(async ct =>
        {
            if (await live.GetAsync(ct) is not { } assessed) return null;
            if (assessed.Epoch is { } epoch) store.Offer(session.TenantId, projectId, epoch, today, assessed.Assessment);
            return assessed.Assessment;
        });
    }

    public AssessmentLoader On(DateOnly? asOf)
    {
        var day = asOf ?? Today;
        if (!_byDay.TryGetValue(day, out var loader)) _byDay[day] = loader = new AssessmentLoader(session, day, certificationRules.Current, defaults.Current);
        return loader;
    }

    /// <summary>Every project of the tenant assessed on a day, in one round trip (the ids and their facts in one batch).</summary>
    public async Task<IReadOnlyList<AssessedProject>> AllAsync(DateOnly asOf, CancellationToken ct)
    {
        const string AllProjects = "SELECT p.id FROM projects p WHERE p.tenant_id = $1";
        var ids = new ListQuery<Guid>(tenantId => BatchCommands.Of(AllProjects, tenantId), r => r.GetGuid(0));
        session.Enqueue(ids);
        var loader = On(asOf);
        loader.LoadAlong(new PendingKeys<Guid>(tenantId => (AllProjects, [tenantId]), () => ids.Rows));
        await session.FlushAsync(ct);
        var all = new List<AssessedProject>(ids.Rows.Count);
        foreach (var id in ids.Rows)
            if (await loader.Load(id).GetAsync(ct) is { } assessed) all.Add(assessed);
        return all;
    }
}

/// <summary>
/// Today's assessments, for a page that shows its projects' lights: the stored ones come in the page's own rows (a join,
/// one row per project at most); only projects whose stored assessment is stale are worked out, in one more round trip.
/// </summary>
public sealed class TodaysAssessments(ProjectAssessments assessments) : IJoinsPage
{
    public string PageJoin => assessments.Stored.PageJoin;

    public string PageColumns => StoredAssessmentLoader.Columns;

    public int PageColumnCount => StoredAssessmentLoader.ColumnCount;

    public void ReadPageColumns(Guid key, NpgsqlDataReader reader, int offset) => assessments.Stored.ReadPageColumns(key, reader, offset);
}

/// <summary>The stored assessments that are fresh for a day (a stale or missing one comes back as null).</summary>
internal sealed class StoredAssessmentLoader : BatchLoader<Guid, ProjectAssessment?>
{
    /// <summary>
    /// A stored assessment's columns read from <c>project_assessments a</c>. The reasons come as three strings of fields
    /// joined by the unit separator (as the writer stores them), not as three text arrays: an array is read through
    /// Npgsql's general array path, which measured about a sixth of a lights page's extra server time.
    /// </summary>
    private const string OwnColumns = """
        a.project_id, a.status, a.light, a.progress_percent, a.elapsed_percent, a.light_since, a.supervision_suggested,
        array_to_string(a.reason_codes, E'\x1f') AS reason_codes, array_to_string(a.reason_lights, E'\x1f') AS reason_lights,
        array_to_string(a.reason_messages, E'\x1f') AS reason_messages
        """;

    /// <summary>The same columns from the page's join, aliased <c>stored_assessment</c>.</summary>
    internal const string Columns = """
        stored_assessment.project_id, stored_assessment.status, stored_assessment.light, stored_assessment.progress_percent,
        stored_assessment.elapsed_percent, stored_assessment.light_since, stored_assessment.supervision_suggested,
        stored_assessment.reason_codes, stored_assessment.reason_lights, stored_assessment.reason_messages
        """;

    internal static readonly int ColumnCount = Columns.Count(c => c == ',') + 1;

    private readonly DateOnly day;
    private readonly string freshOn;

    // Made by ProjectAssessments for today, like AssessmentLoader (the day is not a service).
    internal StoredAssessmentLoader(ReadSession session, DateOnly day) : base(session) =>
        (this.day, freshOn) = (day, $"DATE '{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'");

    public DateOnly Day => day;

    /// <summary>
    /// The page's join: the project's stored row if it was assessed on the day. A lateral subquery with LIMIT, so that
    /// it is probed by each page row's key: as a plain join, under row-level security the planner estimates the page at
    /// one row and reads every stored row of the tenant for each project (measured: 85 rows read per project, 2.5 ms).
    /// </summary>
    internal string PageJoin
    {
        get
        {
            // The text changes once a day: kept for the day rather than made again for every page.
            if (s_pageJoin is not { } join || join.Day != day)
                s_pageJoin = join = new DayJoin(day, $"""
                    LEFT JOIN LATERAL (SELECT {OwnColumns} FROM project_assessments a WHERE a.tenant_id = p.tenant_id AND a.project_id = p.id AND a.assessed_on = {freshOn}
                      LIMIT 1) stored_assessment ON true
                    """);
            return join.Sql;
        }
    }

    private sealed record DayJoin(DateOnly Day, string Sql);

    // One reference, so a reader sees a whole (day, text) pair; two requests at midnight may each make the text once.
    private static DayJoin? s_pageJoin;

    internal void ReadPageColumns(Guid key, NpgsqlDataReader reader, int offset) =>
        Remember(key, reader.IsDBNull(offset) ? Missing : Read(reader, offset));

    protected override ProjectAssessment? Missing => null;

    protected override string Statement(string keys) => $"""
        SELECT {OwnColumns}
        FROM project_assessments a
        WHERE a.tenant_id = $1 AND a.project_id = ANY({keys}) AND a.assessed_on = {freshOn}
        """;

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, ProjectAssessment?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct)) into[reader.GetGuid(0)] = Read(reader, 0);
    }

    /// <summary>The assessment whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    private ProjectAssessment Read(NpgsqlDataReader reader, int o)
    {
        // In column order: the reader moves forward through a row.
        var status = Enum.Parse<ProjectStatus>(reader.GetString(o + 1));
        var light = Enum.Parse<Light>(reader.GetString(o + 2));
        int? progress = reader.IsDBNull(o + 3) ? null : reader.GetInt32(o + 3);
        var elapsed = reader.GetInt32(o + 4);
        var since = reader.GetFieldValue<DateOnly>(o + 5);
        var suggested = reader.GetBoolean(o + 6);
        var codes = Fields(reader.GetString(o + 7));
        var lights = Fields(reader.GetString(o + 8));
        var messages = Fields(reader.GetString(o + 9));
        var reasons = new LightReason[codes.Length];
        for (var i = 0; i < codes.Length; i++) reasons[i] = new LightReason(codes[i], Enum.Parse<Light>(lights[i]), messages[i]);
        return new ProjectAssessment(day, status, light, reasons, progress, elapsed, since, suggested);
    }

    /// <summary>The fields of one joined reason column (an empty string: no reasons).</summary>
    private static string[] Fields(string joined) => joined.Length == 0 ? [] : joined.Split('\x1f');
}

/// <summary>
/// Everything the status rules look at, for many projects in one set-based statement: targets with their latest
/// signed-off figure on the day, milestones, the months whose report was in (submitted) by the day, the light history's
/// last record on the day, and the tenant's thresholds — as plain arrays, one row per project. Which months are overdue
/// is worked out here from the due day; the rules themselves run in <see cref="StatusRules"/>.
/// </summary>
public sealed class AssessmentLoader : BatchLoader<Guid, AssessedProject?>
{
    private readonly DateOnly asOf;
    private readonly Func<CertificationSubject, IReadOnlyList<CertificationRequirement>>? certification;
    private readonly StatusThresholds defaults;

    // One per day, made by ProjectAssessments (not resolved from the container: the day is not a service). With the
    // tenant's certification rules when its plugins have any: only then are certifications and certifiers read. The
    // defaults are the thresholds of a tenant that did not set its own (its plugins', else the platform's).
    internal AssessmentLoader(ReadSession session, DateOnly asOf, Func<CertificationSubject, IReadOnlyList<CertificationRequirement>>? certification,
        StatusThresholds defaults)
        : base(session) => (this.asOf, this.certification, this.defaults) = (asOf, certification, defaults);

    protected override AssessedProject? Missing => null;

    protected override string Statement(string keys)
    {
        // A literal: the loader's own parameters are the tenant and the keys (which may be another query's).
        var day = $"DATE '{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        var certified = certification is not null;
        // Each target's unit and the figure in force certified on the day (null when none), and the project's certifying units.
        var certifiedColumns = certified
            ? ", array_agg(i.unit ORDER BY i.position) AS units, array_agg(c.value ORDER BY i.position) AS certified, array_agg(i.position ORDER BY i.position) AS positions"
            : "";
        var certifiedJoin = certified ? " LEFT JOIN certified c ON c.indicator_id = i.id" : "";
        var certificationParts = certified ? $"""

            certified AS MATERIALIZED (
              SELECT x.indicator_id, x.value FROM (
                SELECT DISTINCT ON (c.indicator_id) c.indicator_id, c.decision, c.value FROM target_certifications c
                WHERE c.tenant_id = $1 AND c.project_id IN (SELECT id FROM page) AND c.decided_at::date <= {day}
                ORDER BY c.indicator_id, c.decided_at DESC, c.id DESC) x
              WHERE x.decision = 'Certified'),
            certifiers AS MATERIALIZED (
              SELECT pu.project_id, array_agg(u.id ORDER BY pu.position) AS ids, array_agg(u.name ORDER BY pu.position) AS names
              FROM project_units pu JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
              WHERE pu.tenant_id = $1 AND pu.project_id IN (SELECT id FROM page) AND pu.role = 'Certifier' GROUP BY pu.project_id),
            """ : "";
        var certificationSelect = certified ? ", page.name, targets.units, targets.certified, targets.positions, certifiers.ids, certifiers.names" : "";
        var certificationJoin = certified ? "\n            LEFT JOIN certifiers ON certifiers.project_id = page.id" : "";
        // Each part reads the page's rows once, by index, instead of once per project or target.
        return $"""
            WITH page AS MATERIALIZED (
              SELECT p.id, p.parent_id, p.state, p.deadline_date, pl.year, t.report_due_day, t.status_thresholds, sa.epoch, p.name
              FROM projects p
              JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
              JOIN tenants t ON t.id = p.tenant_id
              LEFT JOIN project_assessments sa ON sa.tenant_id = p.tenant_id AND sa.project_id = p.id
              WHERE p.tenant_id = $1 AND p.id = ANY({keys})),
            reports AS MATERIALIZED (
              SELECT r.id, r.project_id, r.period, r.status, r.submitted_at, r.approved_at FROM progress_reports r
              WHERE r.tenant_id = $1 AND r.project_id IN (SELECT id FROM page) AND r.period <= {day}
                AND r.status IN ('Submitted', 'Approved', 'Accepted')),
            latest AS MATERIALIZED (
              -- Figures count once the unit head has signed the report (approved or accepted), and only as known on the day.
              SELECT DISTINCT ON (a.indicator_id) a.indicator_id, a.value
              FROM reports r JOIN report_actuals a ON a.tenant_id = $1 AND a.report_id = r.id
              WHERE r.status IN ('Approved', 'Accepted') AND (r.approved_at IS NULL OR r.approved_at::date <= {day})
              ORDER BY a.indicator_id, r.period DESC),{certificationParts}
            targets AS MATERIALIZED (
              SELECT i.project_id, array_agg(i.label ORDER BY i.position) AS labels, array_agg(i.comparator ORDER BY i.position) AS comparators,
                array_agg(i.target_value ORDER BY i.position) AS values, array_agg(l.value ORDER BY i.position) AS actuals{certifiedColumns}
              FROM indicators i LEFT JOIN latest l ON l.indicator_id = i.id{certifiedJoin}
              WHERE i.tenant_id = $1 AND i.project_id IN (SELECT id FROM page) GROUP BY i.project_id),
            steps AS MATERIALIZED (
              SELECT m.project_id, array_agg(m.text ORDER BY m.due_date, m.id) AS texts, array_agg(m.due_date ORDER BY m.due_date, m.id) AS dates,
                array_agg(m.due_precision ORDER BY m.due_date, m.id) AS precisions, array_agg(m.achieved_on ORDER BY m.due_date, m.id) AS achieved
              FROM milestones m WHERE m.tenant_id = $1 AND m.project_id IN (SELECT id FROM page) GROUP BY m.project_id),
            filed AS MATERIALIZED (
              SELECT r.project_id, array_agg(r.period) FILTER (WHERE r.submitted_at IS NULL OR r.submitted_at::date <= {day}) AS periods
              FROM reports r GROUP BY r.project_id),
            history AS MATERIALIZED (
              SELECT DISTINCT ON (l.project_id) l.project_id, l.light, l.since, l.escalated FROM project_lights l
              WHERE l.tenant_id = $1 AND l.project_id IN (SELECT id FROM page) AND l.recorded_for <= {day}
              ORDER BY l.project_id, l.recorded_for DESC, l.recorded_at DESC)
            SELECT page.id, page.year, page.deadline_date, page.state, page.parent_id IS NULL, page.report_due_day, page.status_thresholds::text,
              targets.labels, targets.comparators, targets.values, targets.actuals,
              steps.texts, steps.dates, steps.precisions, steps.achieved,
              filed.project_id IS NOT NULL, filed.periods,
              history.light, history.since, history.escalated, page.epoch{certificationSelect}
            FROM page
            LEFT JOIN targets ON targets.project_id = page.id
            LEFT JOIN steps ON steps.project_id = page.id
            LEFT JOIN filed ON filed.project_id = page.id
            LEFT JOIN history ON history.project_id = page.id{certificationJoin}
            """;
    }

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, AssessedProject?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var year = reader.GetInt32(1);
            var state = Enum.Parse<ProjectState>(reader.GetString(3));
            var recorded = reader.IsDBNull(17) ? null
                : new LightSince(Enum.Parse<Light>(reader.GetString(17)), reader.GetFieldValue<DateOnly>(18), reader.GetBoolean(19));
            var targets = new List<TargetFact>();
            if (!reader.IsDBNull(7))
            {
                var labels = reader.GetFieldValue<string[]>(7);
                var comparators = reader.GetFieldValue<string[]>(8);
                var values = reader.GetFieldValue<decimal[]>(9);
                var actuals = reader.GetFieldValue<decimal?[]>(10);
                for (var i = 0; i < labels.Length; i++) targets.Add(new TargetFact(labels[i], Enum.Parse<Comparator>(comparators[i]), values[i], actuals[i]));
                if (certification is not null) targets = AwaitingCertification(reader, targets);
            }
            var milestones = new List<MilestoneFact>();
            if (!reader.IsDBNull(11))
            {
                var texts = reader.GetFieldValue<string[]>(11);
                var dates = reader.GetFieldValue<DateOnly[]>(12);
                var precisions = reader.GetFieldValue<string[]>(13);
                var achieved = reader.GetFieldValue<DateOnly?[]>(14);
                for (var i = 0; i < texts.Length; i++)
                    milestones.Add(new MilestoneFact(texts[i], new Deadline(dates[i], Enum.Parse<DatePrecision>(precisions[i])), achieved[i]));
            }
            var filed = reader.IsDBNull(16) ? [] : reader.GetFieldValue<DateOnly?[]>(16).OfType<DateOnly>().ToHashSet();
            // Reports are owed by active top-level projects, month by month, by the tenant's due day of the following month.
            var overdue = reader.GetBoolean(4) && state == ProjectState.Active
                ? Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1))
                    .Select(period => new OverdueFact(period, period.AddMonths(1).AddDays(reader.GetInt32(5) - 1)))
                    .Where(o => o.DueOn < asOf && !filed.Contains(o.Period)).ToList()
                : [];
            var facts = new ProjectFacts(year, reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2), targets, milestones, overdue,
                reader.GetBoolean(15), recorded, state);
            var thresholds = reader.IsDBNull(6) ? defaults : JsonSerializer.Deserialize<StatusThresholds>(reader.GetString(6))!;
            into[id] = new AssessedProject(id, StatusRules.Assess(facts, asOf, thresholds), recorded, reader.IsDBNull(20) ? null : reader.GetInt64(20));
        }
    }

    /// <summary>
    /// Marks the targets the tenant's certification rules name whose signed-off figure is not (yet) the certified one,
    /// with the unit that certifies them: such a project is not completed however far its figures went.
    /// </summary>
    private List<TargetFact> AwaitingCertification(NpgsqlDataReader reader, List<TargetFact> targets)
    {
        var units = reader.GetFieldValue<string[]>(22);
        var certifiedValues = reader.GetFieldValue<decimal?[]>(23);
        var positions = reader.GetFieldValue<int[]>(24);
        var certifiers = reader.IsDBNull(25) ? []
            : reader.GetFieldValue<Guid[]>(25).Zip(reader.GetFieldValue<string[]>(26), (id, name) => new CertifierUnit(id, name)).ToList();
        var subject = new CertificationSubject(reader.GetString(21), certifiers,
            targets.Select((t, i) => new CertificationTarget(positions[i], t.Label, units[i])).ToList());
        var required = certification!(subject).ToDictionary(r => r.Position, r => r.Certifier.Name);
        return targets.Select((t, i) => required.TryGetValue(positions[i], out var certifier) && !(t.Actual is { } a && certifiedValues[i] == a)
            ? t with { AwaitingCertifier = certifier }
            : t).ToList();
    }
}
