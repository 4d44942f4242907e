using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Units;

/// <summary>The unit list of the API, searchable by name or alias.</summary>
public sealed class UnitQueries(ReadSession session)
{
    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(string? search, CancellationToken ct)
    {
        var query = new ListQuery<UnitRow>(tenantId => string.IsNullOrWhiteSpace(search)
            ? BatchCommands.Of($"SELECT {UnitRow.Columns} FROM units u WHERE u.tenant_id = $1 ORDER BY u.name", tenantId)
            : BatchCommands.Of($"""
                SELECT {UnitRow.Columns} FROM units u
                WHERE u.tenant_id = $1 AND (strpos(u.name, $2) > 0 OR EXISTS (SELECT 1 FROM unnest(u.aliases) a WHERE strpos(a, $2) > 0))
                ORDER BY u.name
                """, tenantId, search.Trim()),
            r => UnitRow.Read(r));
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
