using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Indicators;

public sealed class IndicatorCommands(UnitOfWork uow)
{
    public Task<Guid> CreateAsync(Guid projectId, string label, Comparator comparator, Quantity target, string? sourcePhrase, CancellationToken ct) =>
        uow.RunAsync(async db =>
        {
            await db.Projects.FindOwnAsync(projectId, ct);
            var position = (await db.Indicators.Where(i => i.ProjectId == projectId).MaxAsync(i => (int?)i.Position, ct) ?? -1) + 1;
            var indicator = new Indicator(projectId, position, label, comparator, target, sourcePhrase);
            db.Indicators.Add(indicator);
            uow.Audit("create", nameof(Indicator), indicator.Id, null, indicator);
            return indicator.Id;
        }, ct);

    public Task<Guid> UpdateAsync(Guid id, Opt<string> label, Opt<Comparator> comparator, Opt<decimal> value, Opt<string> unit,
        Opt<string?> sourcePhrase, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var indicator = await db.Indicators.FindOwnAsync(id, ct);
        var before = UnitOfWork.Snapshot(indicator);
        if (value.HasValue && value.Value != indicator.TargetValue || unit.HasValue && unit.Value != indicator.Unit
            || comparator.HasValue && comparator.Value != indicator.Comparator)
            await Plans.PublishedPlanGuard.RefuseEditAsync(db, indicator.ProjectId, value.HasValue ? "targetValue" : unit.HasValue ? "unit" : "comparator", "A target", ct);
        indicator.Update(label.Or(indicator.Label), comparator.Or(indicator.Comparator),
            new Quantity(value.Or(indicator.TargetValue), unit.Or(indicator.Unit)), sourcePhrase.Or(indicator.SourcePhrase));
        uow.Audit("update", nameof(Indicator), id, before, indicator);
        return id;
    }, ct);

    /// <summary>Deletes a target; milestones that tracked it keep their text and lose the link.</summary>
    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var indicator = await db.Indicators.FindOwnAsync(id, ct);
        await Plans.PublishedPlanGuard.RefuseEditAsync(db, indicator.ProjectId, "id", "A target (deleting it)", ct);
        await db.Milestones.Where(m => m.IndicatorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IndicatorId, (Guid?)null).SetProperty(m => m.CumulativeValue, (decimal?)null), ct);
        db.Indicators.Remove(indicator);
        uow.Audit("delete", nameof(Indicator), id, indicator, null);
        return id;
    }, ct);
}
