using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Commands;

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
        indicator.Update(label.Or(indicator.Label), comparator.Or(indicator.Comparator),
            new Quantity(value.Or(indicator.TargetValue), unit.Or(indicator.Unit)), sourcePhrase.Or(indicator.SourcePhrase));
        uow.Audit("update", nameof(Indicator), id, before, indicator);
        return id;
    }, ct);

    /// <summary>Deletes a target; milestones that tracked it keep their text and lose the link.</summary>
    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var indicator = await db.Indicators.FindOwnAsync(id, ct);
        await db.Milestones.Where(m => m.IndicatorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IndicatorId, (Guid?)null).SetProperty(m => m.CumulativeValue, (decimal?)null), ct);
        db.Indicators.Remove(indicator);
        uow.Audit("delete", nameof(Indicator), id, indicator, null);
        return id;
    }, ct);
}

public sealed class MilestoneCommands(UnitOfWork uow)
{
    public Task<Guid> CreateAsync(Guid projectId, Deadline due, string text, Guid? indicatorId, decimal? cumulativeValue, CancellationToken ct) =>
        uow.RunAsync(async db =>
        {
            await db.Projects.FindOwnAsync(projectId, ct);
            await EnsureIndicatorOfProjectAsync(db, projectId, indicatorId, ct);
            var milestone = new Milestone(projectId, due, text, indicatorId, cumulativeValue);
            db.Milestones.Add(milestone);
            uow.Audit("create", nameof(Milestone), milestone.Id, null, milestone);
            return milestone.Id;
        }, ct);

    public Task<Guid> UpdateAsync(Guid id, Opt<Deadline> due, Opt<string> text, Opt<Guid?> indicatorId, Opt<decimal?> cumulativeValue, CancellationToken ct) =>
        uow.RunAsync(async db =>
        {
            var milestone = await db.Milestones.FindOwnAsync(id, ct);
            var before = UnitOfWork.Snapshot(milestone);
            var indicator = indicatorId.Or(milestone.IndicatorId);
            await EnsureIndicatorOfProjectAsync(db, milestone.ProjectId, indicator, ct);
            milestone.Update(due.Or(milestone.Due), text.Or(milestone.Text), indicator, cumulativeValue.Or(milestone.CumulativeValue));
            uow.Audit("update", nameof(Milestone), id, before, milestone);
            return id;
        }, ct);

    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var milestone = await db.Milestones.FindOwnAsync(id, ct);
        db.Milestones.Remove(milestone);
        uow.Audit("delete", nameof(Milestone), id, milestone, null);
        return id;
    }, ct);

    private static async Task EnsureIndicatorOfProjectAsync(Data.MinshengDbContext db, Guid projectId, Guid? indicatorId, CancellationToken ct)
    {
        if (indicatorId is not { } iid) return;
        var indicator = await db.Indicators.FindOwnAsync(iid, ct);
        if (indicator.ProjectId != projectId) throw DomainException.Invalid("indicatorId", "A milestone can only advance a target of its own project.");
    }
}
