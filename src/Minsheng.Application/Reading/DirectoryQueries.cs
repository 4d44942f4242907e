using Minsheng.Data.Reading;
using Minsheng.Domain;
using Npgsql;

namespace Minsheng.Application.Reading;

/// <summary>Plans, units and regions: the small lists of the API.</summary>
public sealed class DirectoryQueries(ReadSession session)
{
    public async Task<IReadOnlyList<PlanRow>> PlansAsync(int? year, CancellationToken ct)
    {
        var query = new ListQuery<PlanRow>(tenantId => year is { } y
            ? Sql.Command($"SELECT {Sql.PlanColumns} FROM plans p WHERE p.tenant_id = $1 AND p.year = $2 ORDER BY p.year DESC, p.title", tenantId, y)
            : Sql.Command($"SELECT {Sql.PlanColumns} FROM plans p WHERE p.tenant_id = $1 ORDER BY p.year DESC, p.title", tenantId),
            r => Sql.ReadPlan(r));
        await session.RunAsync(query, ct);
        return query.Rows;
    }

    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(string? search, CancellationToken ct)
    {
        var query = new ListQuery<UnitRow>(tenantId => string.IsNullOrWhiteSpace(search)
            ? Sql.Command($"SELECT {Sql.UnitColumns} FROM units u WHERE u.tenant_id = $1 ORDER BY u.name", tenantId)
            : Sql.Command($"""
                SELECT {Sql.UnitColumns} FROM units u
                WHERE u.tenant_id = $1 AND (strpos(u.name, $2) > 0 OR EXISTS (SELECT 1 FROM unnest(u.aliases) a WHERE strpos(a, $2) > 0))
                ORDER BY u.name
                """, tenantId, search.Trim()),
            r => Sql.ReadUnit(r));
        await session.RunAsync(query, ct);
        return query.Rows;
    }

    /// <summary>Regions are shared reference data: readable without a tenant.</summary>
    public async Task<IReadOnlyList<RegionRow>> RegionsAsync(string? parentCode, CancellationToken ct)
    {
        if (parentCode is not null && !Domain.Regions.Region.IsValidCode(parentCode))
            throw DomainException.Invalid("parentCode", $"'{parentCode}' is not a six-digit region code.");
        var query = new ListQuery<RegionRow>(_ => parentCode is null
            ? Sql.Command("SELECT code, name, level, parent_code FROM regions WHERE parent_code IS NULL ORDER BY code")
            : Sql.Command("SELECT code, name, level, parent_code FROM regions WHERE parent_code = $1 ORDER BY code", parentCode),
            r => new RegionRow(r.GetString(0), r.GetString(1), r.GetString(2), Sql.NullableString(r, 3)), readsTenantData: false);
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
