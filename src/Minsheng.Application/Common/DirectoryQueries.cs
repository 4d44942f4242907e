using Minsheng.Application.Plans;
using Minsheng.Application.Regions;
using Minsheng.Application.Units;

namespace Minsheng.Application.Common;

/// <summary>
/// The former home of the plan, unit and region lists, now in <see cref="PlanQueries"/>, <see cref="UnitQueries"/>
/// and <see cref="RegionQueries"/>. It stays only while the GraphQL root fields that resolve it are being rewritten
/// into per-concept contributors; new code takes the concept's own queries, and this class goes once nothing
/// resolves it.
/// </summary>
public sealed class DirectoryQueries(PlanQueries plans, UnitQueries units, RegionQueries regions)
{
    public Task<IReadOnlyList<PlanRow>> PlansAsync(int? year, CancellationToken ct) => plans.PlansAsync(year, ct);

    public Task<IReadOnlyList<UnitRow>> UnitsAsync(string? search, CancellationToken ct) => units.UnitsAsync(search, ct);

    public Task<IReadOnlyList<RegionRow>> RegionsAsync(string? parentCode, CancellationToken ct) => regions.RegionsAsync(parentCode, ct);
}
