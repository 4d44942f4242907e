using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Units;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Units;

public sealed class UnitCommands(UnitOfWork uow)
{
    public Task<Guid> CreateAsync(string name, IReadOnlyList<string>? aliases, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var unit = new Unit(name, aliases);
        await EnsureNamesFreeAsync(db, unit, ct);
        db.Units.Add(unit);
        uow.Audit("create", nameof(Unit), unit.Id, null, unit);
        return unit.Id;
    }, ct);

    public Task<Guid> UpdateAsync(Guid id, Opt<string> name, Opt<IReadOnlyList<string>> aliases, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var unit = await db.Units.FindOwnAsync(id, ct);
        var before = UnitOfWork.Snapshot(unit);
        unit.Update(name.Or(unit.Name), aliases.Or(unit.Aliases));
        await EnsureNamesFreeAsync(db, unit, ct);
        uow.Audit("update", nameof(Unit), id, before, unit);
        return id;
    }, ct);

    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var unit = await db.Units.FindOwnAsync(id, ct);
        var uses = await db.ProjectUnits.CountAsync(pu => pu.UnitId == id, ct);
        if (uses > 0) throw DomainException.Conflict($"The unit {unit.Name} is named on {uses} project(s); remove it from them first.");
        db.Units.Remove(unit);
        uow.Audit("delete", nameof(Unit), id, unit, null);
        return id;
    }, ct);

    /// <summary>A name or alias may resolve to one unit only, or imports could not tell units apart.</summary>
    private static async Task EnsureNamesFreeAsync(MinshengDbContext db, Unit unit, CancellationToken ct)
    {
        var names = unit.Aliases.Append(unit.Name).ToArray();
        var clash = await db.Units
            .Where(u => u.Id != unit.Id && (names.Contains(u.Name) || u.Aliases.Any(a => names.Contains(a))))
            .Select(u => u.Name)
            .FirstOrDefaultAsync(ct);
        if (clash is not null) throw DomainException.Conflict($"The unit {clash} already uses one of the names {string.Join("、", names)}.");
    }
}
