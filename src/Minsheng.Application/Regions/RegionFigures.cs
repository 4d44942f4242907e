using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
using Minsheng.Tenancy;
using Minsheng.Plugins.Abstractions;
using Npgsql;

namespace Minsheng.Application.Regions;

/// <summary>Counts over the tenants of a region for a year: published plans' top-level projects, targets, and monthly reports.</summary>
public sealed record RegionCounts(int Tenants, int Projects, int Targets, int ReportsFiled, int ReportsSignedOff)
{
    public static readonly RegionCounts None = new(0, 0, 0, 0, 0);

    public RegionCounts Plus(RegionCounts other) => new(Tenants + other.Tenants, Projects + other.Projects, Targets + other.Targets,
        ReportsFiled + other.ReportsFiled, ReportsSignedOff + other.ReportsSignedOff);
}

public sealed record RegionPart(string RegionCode, string? Name, RegionCounts Counts);

/// <summary>A region a caller may read figures of, for a year.</summary>
public sealed record RegionSelection(string RegionCode, string? Name, int Year);

/// <summary>A region's figures: the whole, its own government's part (a city's own plan), and each child region's.</summary>
public sealed record RegionSummary(string RegionCode, string? Name, int Year, RegionCounts Total, RegionCounts? Own, IReadOnlyList<RegionPart> Children);

/// <summary>
/// The one place that reads across tenants for a region (STYLE habit 8): the region's active tenants are found in the
/// shared tenant list, and their rows are read in one read-only transaction whose row-level security setting names
/// exactly those tenants — the same policy every tenant read goes through, widened to the region's set, never switched
/// off. Only a caller bound to the region (or to one above it) may ask, and what it gets is totals, not rows.
/// </summary>
public sealed class RegionFigures(NpgsqlDataSource dataSource, CachedTenantStore tenants, ICallerAccessor callers,
    IEnumerable<PluginExtension<ITaskCatalog>> catalogs, IServiceProvider services)
{
    /// <summary>
    /// The counted targets of a set of tenants ($1) for a year ($2), as CTEs: <c>linked</c> (each counted target with its
    /// planned value and factor), <c>actuals</c> (its latest signed-off figure), <c>projects</c> and <c>lights</c> (each
    /// counted project's last recorded light). Public for the benchmark's floor, which adds the region hierarchy in SQL.
    /// </summary>
    public const string CountedTargets = """
        WITH links AS MATERIALIZED (
          -- The region's counted targets; every other table is read only for the (tenant, id) pairs these name, so the
          -- tenant filter is here once (and row-level security on every table), not repeated on each table's rows: a
          -- filter over a province's set compares each row with every id of the set (hash joins: see ScanAsTenantsAsync).
          SELECT l.tenant_id, l.project_id, l.indicator_id, l.task_key, l.aggregation_key, l.factor, l.unit FROM catalog_links l
          WHERE l.tenant_id = ANY($1)),
        targets AS MATERIALIZED (
          SELECT i.tenant_id, i.id, i.unit, i.target_value FROM indicators i
          WHERE (i.tenant_id, i.id) IN (SELECT tenant_id, indicator_id FROM links)),
        in_year AS MATERIALIZED (
          -- A target counts in a published plan of the year, unless its project was cancelled ...
          SELECT p.tenant_id, p.id FROM projects p
          WHERE p.state <> 'Cancelled' AND (p.tenant_id, p.id) IN (SELECT tenant_id, project_id FROM links)
            AND (p.tenant_id, p.plan_id) IN (SELECT pl.tenant_id, pl.id FROM plans pl WHERE pl.year = $2 AND pl.status = 'Published')),
        linked AS MATERIALIZED (
          -- ... and while its unit is the one it was linked with.
          SELECT l.tenant_id, l.task_key, l.aggregation_key, l.factor, l.project_id, l.indicator_id, t.target_value
          FROM links l JOIN targets t ON t.tenant_id = l.tenant_id AND t.id = l.indicator_id AND t.unit = l.unit
          JOIN in_year y ON y.tenant_id = l.tenant_id AND y.id = l.project_id),
        actuals AS (
          -- A figure counts once the unit head signed its report: the latest such per target.
          SELECT DISTINCT ON (a.tenant_id, a.indicator_id) a.tenant_id, a.indicator_id, a.value
          FROM report_actuals a JOIN progress_reports r ON r.tenant_id = a.tenant_id AND r.id = a.report_id
          WHERE r.status IN ('Approved', 'Accepted') AND (a.tenant_id, a.indicator_id) IN (SELECT tenant_id, indicator_id FROM linked)
          ORDER BY a.tenant_id, a.indicator_id, r.period DESC),
        projects AS (SELECT DISTINCT tenant_id, task_key, project_id FROM linked),
        lights AS (
          -- The last record of each counted project's light history.
          SELECT DISTINCT ON (l.tenant_id, l.project_id) l.tenant_id, l.project_id, l.light, l.status FROM project_lights l
          WHERE (l.tenant_id, l.project_id) IN (SELECT tenant_id, project_id FROM linked)
          ORDER BY l.tenant_id, l.project_id, l.recorded_for DESC, l.recorded_at DESC)
        """;

    private readonly Dictionary<(string, int), Task<RegionSummary>> _summaries = [];

    /// <summary>
    /// The region a caller asks about, once the caller may: its code, name and year. What is read about it — the totals,
    /// the catalog roll-ups — is read only when asked for, so a dashboard that shows one of them pays for that one.
    /// </summary>
    public async Task<RegionSelection> SelectAsync(string regionCode, int year, CancellationToken ct)
    {
        await GovernmentsAsync(regionCode, ct);
        var names = await NamesAsync([regionCode], ct);
        return new RegionSelection(regionCode, names.GetValueOrDefault(regionCode), year);
    }

    /// <summary>The region's totals, read once per request however many fields show them.</summary>
    public Task<RegionSummary> SummaryAsync(string regionCode, int year, CancellationToken ct)
    {
        if (!_summaries.TryGetValue((regionCode, year), out var summary)) _summaries[(regionCode, year)] = summary = ReadSummaryAsync(regionCode, year, ct);
        return summary;
    }

    private async Task<RegionSummary> ReadSummaryAsync(string regionCode, int year, CancellationToken ct)
    {
        var inRegion = await GovernmentsAsync(regionCode, ct);
        var byTenant = inRegion.Count == 0 ? [] : await CountsAsync(inRegion.Select(t => t.TenantId).ToArray(), year, ct);

        RegionCounts? ownCounts = null;
        var children = new Dictionary<string, RegionCounts>(StringComparer.Ordinal);
        var total = RegionCounts.None;
        foreach (var tenant in inRegion)
        {
            var counts = (byTenant.TryGetValue(tenant.TenantId, out var c) ? c : RegionCounts.None) with { Tenants = 1 };
            total = total.Plus(counts);
            if (tenant.RegionCode == regionCode) ownCounts = counts;
            else
            {
                var child = RegionRollUp.ChildOf(regionCode, tenant.RegionCode);
                children[child] = children.GetValueOrDefault(child, RegionCounts.None).Plus(counts);
            }
        }
        var names = await NamesAsync(children.Keys.Append(regionCode).ToArray(), ct);
        return new RegionSummary(regionCode, names.GetValueOrDefault(regionCode), year, total, ownCounts,
            children.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RegionPart(kv.Key, names.GetValueOrDefault(kv.Key), kv.Value)).ToList());
    }

    /// <summary>
    /// Each task of the catalogs the region's governments use for the year, with its targets rolled up by aggregation
    /// key (<see cref="RegionRollUp"/>: no figure counted twice), the lights of the projects counted under it, and the
    /// governments lagging on it. Only targets a person confirmed to count (catalog_links) are added up.
    /// </summary>
    public Task<IReadOnlyList<TaskRollUp>> TasksAsync(string regionCode, int year, CancellationToken ct)
    {
        if (!_tasks.TryGetValue((regionCode, year), out var tasks)) _tasks[(regionCode, year)] = tasks = ReadTasksAsync(regionCode, year, ct);
        return tasks;
    }

    private readonly Dictionary<(string, int), Task<IReadOnlyList<TaskRollUp>>> _tasks = [];

    /// <summary>
    /// Starts reading the parts of a selected region that the request asks for, each on its own connection: the fields
    /// are resolved one after the other, and a dashboard showing the totals and the catalog roll-ups then waits for the
    /// longer of the two reads, not for both (a province on the national data: 35 ms and 80 ms). Called by the resolver
    /// of the selection, before its fields are resolved; each field then awaits the read already under way.
    /// </summary>
    public void StartReading(RegionSelection region, bool summary, bool tasks, CancellationToken ct)
    {
        if (summary) _ = SummaryAsync(region.RegionCode, region.Year, ct);
        if (tasks) _ = TasksAsync(region.RegionCode, region.Year, ct);
    }

    private async Task<IReadOnlyList<TaskRollUp>> ReadTasksAsync(string regionCode, int year, CancellationToken ct)
    {
        var inRegion = await GovernmentsAsync(regionCode, ct);
        var byId = inRegion.ToDictionary(t => t.TenantId);
        // Only governments with counted targets have rows here, so the read is widened to those alone: a country whose
        // only catalog is one province's reads that province's reports, not the nation's (national data: 1.45 s → 70 ms).
        var linked = inRegion.Count == 0 ? [] : await dataSource.QueryAsTenantsAsync(byId.Keys,
            "SELECT DISTINCT l.tenant_id FROM catalog_links l WHERE l.tenant_id = ANY($1)", r => r.GetGuid(0), ct, byId.Keys.ToArray());
        var rows = linked.Count == 0 ? [] : await dataSource.HashScanAsTenantsAsync(linked, $$"""
            {{CountedTargets}}
            SELECT 0, k.tenant_id, k.task_key, k.aggregation_key, sum(k.target_value * k.factor), sum(coalesce(a.value, 0) * k.factor), NULL, NULL
            FROM linked k LEFT JOIN actuals a ON a.tenant_id = k.tenant_id AND a.indicator_id = k.indicator_id
            GROUP BY k.tenant_id, k.task_key, k.aggregation_key
            UNION ALL
            SELECT 1, p.tenant_id, p.task_key, NULL, NULL, NULL, h.light, h.status
            FROM projects p LEFT JOIN lights h ON h.tenant_id = p.tenant_id AND h.project_id = p.project_id
            """,
            r => new LinkedRow(r.GetInt32(0) == 0, r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? 0 : r.GetDecimal(4), r.IsDBNull(5) ? 0 : r.GetDecimal(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)),
            ct, linked.ToArray(), year);

        // The catalogs of the plugins the region's governments run name the tasks and their targets; a key counted under
        // a task no catalog names any more (a plugin turned off) still shows, without its name.
        var enabled = inRegion.SelectMany(t => t.EnabledPlugins).ToHashSet(StringComparer.Ordinal);
        var catalogTasks = catalogs.Where(c => enabled.Contains(c.PluginId)).SelectMany(c => c.Create(services).TasksFor(year))
            .DistinctBy(t => t.Key).ToList();
        var taskKeys = catalogTasks.Select(t => t.Key).Concat(rows.Select(r => r.TaskKey).Order(StringComparer.Ordinal)).Distinct().ToList();
        var names = await NamesAsync(inRegion.Select(t => t.RegionCode).SelectMany(c => new[] { c, RegionRollUp.ChildOf(regionCode, c) })
            .Append(regionCode).Distinct().ToArray(), ct);

        return taskKeys.Select(key =>
        {
            var task = catalogTasks.FirstOrDefault(t => t.Key == key);
            var figures = rows.Where(r => r.Figure && r.TaskKey == key).ToList();
            var projects = rows.Where(r => !r.Figure && r.TaskKey == key).ToList();
            var targetKeys = (task?.Targets.Select(t => t.Key) ?? []).Concat(figures.Select(f => f.AggregationKey!).Order(StringComparer.Ordinal)).Distinct();
            var targets = targetKeys.Select(aggregationKey =>
            {
                var byGovernment = figures.Where(f => f.AggregationKey == aggregationKey)
                    .ToDictionary(f => byId[f.TenantId].RegionCode, f => new Figure(f.Planned, f.Actual), StringComparer.Ordinal);
                var (figure, children, disagreements) = RegionRollUp.Of(regionCode, byGovernment, names);
                var target = task?.Targets.FirstOrDefault(t => t.Key == aggregationKey);
                return new TargetRollUp(aggregationKey, target?.Label, target?.Unit, figure, children, disagreements);
            }).ToList();
            var lagging = projects.GroupBy(p => p.TenantId)
                .Select(g => (Tenant: byId[g.Key], Red: g.Count(p => p.Light == "Red"), Lagging: g.Count(p => p.Status == "Lagging")))
                .Where(g => g.Red > 0 || g.Lagging > 0)
                .Select(g => new LaggingGovernment(g.Tenant.RegionCode, g.Tenant.Name, g.Red, g.Lagging))
                .OrderByDescending(g => g.RedProjects + g.LaggingProjects).ThenBy(g => g.RegionCode, StringComparer.Ordinal).ToList();
            var lights = new LightCounts(projects.Count(p => p.Light == "Green"), projects.Count(p => p.Light == "Yellow"),
                projects.Count(p => p.Light == "Red"), projects.Count(p => p.Light is null));
            return new TaskRollUp(key, task?.Name, projects.Select(p => p.TenantId).Distinct().Count(), projects.Count, lights, targets, lagging);
        }).ToList();
    }

    /// <summary>
    /// The active governments of a region a caller may read figures of: its own region or one below it. Tenant callers
    /// (a county's staff) and callers bound to no region are refused.
    /// </summary>
    private Task<List<TenantContext>> GovernmentsAsync(string regionCode, CancellationToken ct)
    {
        // Once per request and region: the selection, its totals and its roll-ups ask in turn.
        if (!_governments.TryGetValue(regionCode, out var governments)) _governments[regionCode] = governments = ReadGovernmentsAsync(regionCode, ct);
        return governments;
    }

    private readonly Dictionary<string, Task<List<TenantContext>>> _governments = new(StringComparer.Ordinal);

    private async Task<List<TenantContext>> ReadGovernmentsAsync(string regionCode, CancellationToken ct)
    {
        if (!Region.IsValidCode(regionCode)) throw DomainException.Invalid("regionCode", $"'{regionCode}' is not a six-digit region code.");
        var caller = callers.Current;
        if (caller.RegionCode is not { } own || (own != regionCode && !Region.IsWithin(regionCode, own)))
            throw new DomainException(DomainErrorKind.Forbidden, caller.RegionCode is null
                ? "Region figures are for a region's analysts and dashboards."
                : $"This caller reads the region '{caller.RegionCode}'; '{regionCode}' is not within it.");
        return (await tenants.AllWithStatusAsync(ct))
            .Where(t => t.Status == nameof(TenantStatus.Active) && (t.Tenant.RegionCode == regionCode || Region.IsWithin(t.Tenant.RegionCode, regionCode)))
            .Select(t => t.Tenant).ToList();
    }

    /// <summary>A row of the roll-up's read: a government's figure for a key, or one of its counted projects with its last light.</summary>
    private sealed record LinkedRow(bool Figure, Guid TenantId, string TaskKey, string? AggregationKey, decimal Planned, decimal Actual, string? Light, string? Status);

    private async Task<Dictionary<Guid, RegionCounts>> CountsAsync(Guid[] tenantIds, int year, CancellationToken ct)
    {
        // Published plans of the year only: a draft is not yet what the government promised.
        var rows = await dataSource.ScanAsTenantsAsync(tenantIds, """
            WITH scope AS MATERIALIZED (
              -- The region's projects of the year; the other tables are read for the (tenant, project) pairs these name, so
              -- the tenant filter is here once, besides row-level security on every table (see ScanAsTenantsAsync).
              SELECT p.tenant_id, p.id, p.parent_id FROM projects p
              WHERE p.tenant_id = ANY($1)
                AND (p.tenant_id, p.plan_id) IN (SELECT pl.tenant_id, pl.id FROM plans pl WHERE pl.year = $2 AND pl.status = 'Published')),
            projects AS (SELECT tenant_id, count(*) FILTER (WHERE parent_id IS NULL) AS n FROM scope GROUP BY tenant_id),
            targets AS (
              SELECT i.tenant_id, count(*) AS n FROM indicators i
              WHERE (i.tenant_id, i.project_id) IN (SELECT tenant_id, id FROM scope) GROUP BY i.tenant_id),
            reports AS (
              SELECT r.tenant_id, count(*) FILTER (WHERE r.status <> 'Draft') AS filed,
                count(*) FILTER (WHERE r.status IN ('Approved', 'Accepted')) AS signed
              FROM progress_reports r
              WHERE (r.tenant_id, r.project_id) IN (SELECT tenant_id, id FROM scope) GROUP BY r.tenant_id)
            SELECT p.tenant_id, p.n, coalesce(t.n, 0), coalesce(r.filed, 0), coalesce(r.signed, 0)
            FROM projects p LEFT JOIN targets t USING (tenant_id) LEFT JOIN reports r USING (tenant_id)
            """,
            r => (r.GetGuid(0), new RegionCounts(1, (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4))),
            ct, tenantIds, year);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    private async Task<Dictionary<string, string>> NamesAsync(string[] codes, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT code, name FROM regions WHERE code = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = codes });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) names[reader.GetString(0)] = reader.GetString(1);
        // The country is not a division of the list: named here.
        if (codes.Contains(Region.Country)) names[Region.Country] = Region.CountryName;
        return names;
    }
}
