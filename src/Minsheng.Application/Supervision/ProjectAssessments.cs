using System.Globalization;
using System.Text.Json;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Supervision;

/// <summary>A project's assessment on a day, with the light history's record it continued from.</summary>
public sealed record AssessedProject(Guid ProjectId, ProjectAssessment Assessment, LightSince? Recorded);

/// <summary>
/// Assessments of projects on any day, one loader per day asked for in the request (the day is part of the statement).
/// "Today" is the tenant's local date from the clock, so tests pin it with a fixed TimeProvider.
/// </summary>
public sealed class ProjectAssessments(ReadSession session, TimeProvider clock)
{
    private readonly Dictionary<DateOnly, AssessmentLoader> _byDay = [];

    public DateOnly Today => clock.Today();

    public AssessmentLoader On(DateOnly? asOf)
    {
        var day = asOf ?? Today;
        if (!_byDay.TryGetValue(day, out var loader)) _byDay[day] = loader = new AssessmentLoader(session, day);
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

/// <summary>Today's assessments, for a page that shows its projects' lights: loads along with the page (one round trip).</summary>
public sealed class TodaysAssessments(ProjectAssessments assessments) : ILoadsAlong<Guid>
{
    public void LoadAlong(PendingKeys<Guid> keys) => assessments.On(null).LoadAlong(keys);
}

/// <summary>
/// Everything the status rules look at, for many projects in one statement: targets with their latest signed-off figure
/// on the day, milestones, months whose report was overdue on the day, whether anything was reported, the light history's
/// last record on the day, and the tenant's thresholds. The rules themselves run in <see cref="StatusRules"/>.
/// </summary>
public sealed class AssessmentLoader : BatchLoader<Guid, AssessedProject?>
{
    private readonly DateOnly asOf;

    // One per day, made by ProjectAssessments (not resolved from the container: the day is not a service).
    internal AssessmentLoader(ReadSession session, DateOnly asOf) : base(session) => this.asOf = asOf;

    // Figures count once the unit head has signed the report (approved or accepted), and only as known on the day.
    private const string SignedOff = "r.status IN ('Approved', 'Accepted') AND (r.approved_at IS NULL OR r.approved_at::date <= {0})";

    protected override AssessedProject? Missing => null;

    protected override string Statement(string keys)
    {
        // A literal: the loader's own parameters are the tenant and the keys (which may be another query's).
        var day = $"DATE '{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        var signedOff = string.Format(CultureInfo.InvariantCulture, SignedOff, day);
        return $"""
            SELECT p.id, pl.year, p.deadline_date,
              coalesce((SELECT json_agg(json_build_object('label', i.label, 'comparator', i.comparator, 'target', i.target_value,
                  'actual', (SELECT a.value FROM report_actuals a JOIN progress_reports r ON r.tenant_id = a.tenant_id AND r.id = a.report_id
                             WHERE a.tenant_id = $1 AND a.indicator_id = i.id AND r.period <= {day} AND {signedOff}
                             ORDER BY r.period DESC LIMIT 1)) ORDER BY i.position)
                FROM indicators i WHERE i.tenant_id = $1 AND i.project_id = p.id), '[]')::text,
              coalesce((SELECT json_agg(json_build_object('text', m.text, 'date', m.due_date, 'precision', m.due_precision, 'achieved', m.achieved_on)
                  ORDER BY m.due_date) FROM milestones m WHERE m.tenant_id = $1 AND m.project_id = p.id), '[]')::text,
              coalesce((SELECT json_agg(json_build_object('period', d.period, 'due', d.due_on) ORDER BY d.period)
                FROM (SELECT make_date(pl.year, mo, 1) AS period,
                             (make_date(pl.year, mo, 1) + interval '1 month')::date + (t.report_due_day - 1) AS due_on
                      FROM generate_series(1, 12) AS mo) d
                WHERE p.parent_id IS NULL AND p.state = 'Active' AND d.due_on < {day} AND NOT EXISTS (
                  SELECT 1 FROM progress_reports r WHERE r.tenant_id = $1 AND r.project_id = p.id AND r.period = d.period
                    AND r.status IN ('Submitted', 'Approved', 'Accepted') AND (r.submitted_at IS NULL OR r.submitted_at::date <= {day}))), '[]')::text,
              EXISTS (SELECT 1 FROM progress_reports r WHERE r.tenant_id = $1 AND r.project_id = p.id AND r.period <= {day}
                AND r.status IN ('Submitted', 'Approved', 'Accepted')),
              h.light, h.since, h.escalated, t.status_thresholds::text, p.state
            FROM projects p
            JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
            JOIN tenants t ON t.id = p.tenant_id
            LEFT JOIN LATERAL (
              SELECT l.light, l.since, l.escalated FROM project_lights l
              WHERE l.tenant_id = $1 AND l.project_id = p.id AND l.recorded_for <= {day}
              ORDER BY l.recorded_for DESC, l.recorded_at DESC LIMIT 1) h ON true
            WHERE p.tenant_id = $1 AND p.id = ANY({keys})
            """;
    }

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, AssessedProject?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var recorded = reader.IsDBNull(7) ? null
                : new LightSince(Enum.Parse<Light>(reader.GetString(7)), reader.GetFieldValue<DateOnly>(8), reader.GetBoolean(9));
            var facts = new ProjectFacts(
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                Targets(reader.GetString(3)),
                Milestones(reader.GetString(4)),
                Overdue(reader.GetString(5)),
                reader.GetBoolean(6),
                recorded,
                Enum.Parse<ProjectState>(reader.GetString(11)));
            var thresholds = reader.IsDBNull(10) ? StatusThresholds.Default : JsonSerializer.Deserialize<StatusThresholds>(reader.GetString(10))!;
            into[id] = new AssessedProject(id, StatusRules.Assess(facts, asOf, thresholds), recorded);
        }
    }

    private static List<TargetFact> Targets(string json) => Parse(json, e => new TargetFact(
        e.GetProperty("label").GetString()!, Enum.Parse<Comparator>(e.GetProperty("comparator").GetString()!),
        e.GetProperty("target").GetDecimal(), e.GetProperty("actual").ValueKind == JsonValueKind.Null ? null : e.GetProperty("actual").GetDecimal()));

    private static List<MilestoneFact> Milestones(string json) => Parse(json, e => new MilestoneFact(
        e.GetProperty("text").GetString()!,
        new Deadline(DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), Enum.Parse<DatePrecision>(e.GetProperty("precision").GetString()!)),
        e.GetProperty("achieved").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(e.GetProperty("achieved").GetString()!, CultureInfo.InvariantCulture)));

    private static List<OverdueFact> Overdue(string json) => Parse(json, e => new OverdueFact(
        DateOnly.Parse(e.GetProperty("period").GetString()!, CultureInfo.InvariantCulture), DateOnly.Parse(e.GetProperty("due").GetString()!, CultureInfo.InvariantCulture)));

    private static List<T> Parse<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(read).ToList();
    }
}
