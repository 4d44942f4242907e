using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Regions;

namespace Minsheng.Application.Regions;

/// <summary>The region tree, one level at a time.</summary>
public sealed class RegionQueries(ReadSession session)
{
    /// <summary>Regions are shared reference data: readable without a tenant.</summary>
    public async Task<IReadOnlyList<RegionRow>> RegionsAsync(string? parentCode, CancellationToken ct)
    {
        if (parentCode is not null && !Region.IsValidCode(parentCode))
            throw DomainException.Invalid("parentCode", $"'{parentCode}' is not a six-digit region code.");
        var query = new ListQuery<RegionRow>(_ => parentCode is null
            ? BatchCommands.Of($"SELECT {RegionRow.Columns} FROM regions WHERE parent_code IS NULL ORDER BY code")
            : BatchCommands.Of($"SELECT {RegionRow.Columns} FROM regions WHERE parent_code = $1 ORDER BY code", parentCode),
            r => RegionRow.Read(r), readsTenantData: false);
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
