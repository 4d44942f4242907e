using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
using Minsheng.Tenancy;
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

/// <summary>A region's figures: the whole, its own government's part (a city's own plan), and each child region's.</summary>
public sealed record RegionSummary(string RegionCode, string? Name, int Year, RegionCounts Total, RegionCounts? Own, IReadOnlyList<RegionPart> Children);

/// <summary>
/// The one place that reads across tenants for a region (STYLE habit 8): the region's active tenants are found in the
/// shared tenant list, and their rows are read in one read-only transaction whose row-level security setting names
/// exactly those tenants — the same policy every tenant read goes through, widened to the region's set, never switched
/// off. Only a caller bound to the region (or to one above it) may ask, and what it gets is totals, not rows.
/// </summary>
public sealed class RegionFigures(NpgsqlDataSource dataSource, CachedTenantStore tenants, ICallerAccessor callers)
{
    public async Task<RegionSummary> SummaryAsync(string regionCode, int year, CancellationToken ct)
    {
        if (!Region.IsValidCode(regionCode)) throw DomainException.Invalid("regionCode", $"'{regionCode}' is not a six-digit region code.");
        var caller = callers.Current;
        if (caller.RegionCode is not { } own || (own != regionCode && !Region.IsWithin(regionCode, own)))
            throw new DomainException(DomainErrorKind.Forbidden, caller.RegionCode is null
                ? "Region figures are for a region's analysts and dashboards."
                : $"This caller reads the region '{caller.RegionCode}'; '{regionCode}' is not within it.");

        var inRegion = (await tenants.AllWithStatusAsync(ct))
            .Where(t => t.Status == nameof(TenantStatus.Active) && (t.Tenant.RegionCode == regionCode || Region.IsWithin(t.Tenant.RegionCode, regionCode)))
            .Select(t => t.Tenant).ToList();
        var byTenant = inRegion.Count == 0 ? [] : await CountsAsync(inRegion.Select(t => t.TenantId).ToArray(), year, ct);

        RegionCounts? ownCounts = null;
        var children = new Dictionary<string, RegionCounts>(StringComparer.Ordinal);
        var total = RegionCounts.None;
        foreach (var tenant in inRegion)
        {
            var counts = (byTenant.TryGetValue(tenant.TenantId, out var c) ? c : RegionCounts.None) with { Tenants = 1 };
            total = total.Plus(counts);
            if (tenant.RegionCode == regionCode) ownCounts = counts;
            else children[ChildOf(regionCode, tenant.RegionCode)] = children.GetValueOrDefault(ChildOf(regionCode, tenant.RegionCode), RegionCounts.None).Plus(counts);
        }
        var names = await NamesAsync(children.Keys.Append(regionCode).ToArray(), ct);
        return new RegionSummary(regionCode, names.GetValueOrDefault(regionCode), year, total, ownCounts,
            children.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RegionPart(kv.Key, names.GetValueOrDefault(kv.Key), kv.Value)).ToList());
    }

    /// <summary>The child of <paramref name="region"/> a region below it belongs to: a province's city, a city's county.</summary>
    private static string ChildOf(string region, string below) =>
        Region.LevelOf(region) == RegionLevel.Province && Region.LevelOf(below) == RegionLevel.County ? below[..4] + "00" : below;

    private async Task<Dictionary<Guid, RegionCounts>> CountsAsync(Guid[] tenantIds, int year, CancellationToken ct)
    {
        // Published plans of the year only: a draft is not yet what the government promised.
        var rows = await dataSource.QueryAsTenantsAsync(tenantIds, """
            WITH scope AS MATERIALIZED (
              SELECT p.tenant_id, p.id, p.parent_id FROM projects p JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
              WHERE p.tenant_id = ANY($1) AND pl.year = $2 AND pl.status = 'Published'),
            projects AS (SELECT tenant_id, count(*) FILTER (WHERE parent_id IS NULL) AS n FROM scope GROUP BY tenant_id),
            targets AS (
              SELECT i.tenant_id, count(*) AS n FROM indicators i JOIN scope s ON s.tenant_id = i.tenant_id AND s.id = i.project_id
              WHERE i.tenant_id = ANY($1) GROUP BY i.tenant_id),
            reports AS (
              SELECT r.tenant_id, count(*) FILTER (WHERE r.status <> 'Draft') AS filed,
                count(*) FILTER (WHERE r.status IN ('Approved', 'Accepted')) AS signed
              FROM progress_reports r JOIN scope s ON s.tenant_id = r.tenant_id AND s.id = r.project_id
              WHERE r.tenant_id = ANY($1) GROUP BY r.tenant_id)
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
        return names;
    }
}
