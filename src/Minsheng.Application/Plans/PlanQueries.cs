using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Plans;

/// <summary>The plan list of the API.</summary>
public sealed class PlanQueries(ReadSession session)
{
    public async Task<IReadOnlyList<PlanRow>> PlansAsync(int? year, CancellationToken ct)
    {
        var query = new ListQuery<PlanRow>(tenantId => year is { } y
            ? BatchCommands.Of($"SELECT {PlanRow.Columns} FROM plans p WHERE p.tenant_id = $1 AND p.year = $2 ORDER BY p.year DESC, p.title", tenantId, y)
            : BatchCommands.Of($"SELECT {PlanRow.Columns} FROM plans p WHERE p.tenant_id = $1 ORDER BY p.year DESC, p.title", tenantId),
            r => PlanRow.Read(r));
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
