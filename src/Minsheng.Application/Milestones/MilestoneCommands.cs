using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Milestones;

public sealed class MilestoneCommands(UnitOfWork uow, Minsheng.Tenancy.ICallerAccessor callers)
{
    /// <summary>The lead unit marks a step done on a day, with its evidence.</summary>
    public Task<Guid> MarkAchievedAsync(Guid id, DateOnly on, string evidence, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var milestone = await db.Milestones.FindOwnAsync(id, ct);
        await LeadUnitGuard.RequireAsync(db, callers.Current, milestone.ProjectId, ct);
        var before = UnitOfWork.Snapshot(milestone);
        milestone.MarkAchieved(on, callers.Current.ActorId, evidence);
        uow.Audit("achieve", nameof(Milestone), id, before, milestone);
        return id;
    }, ct);

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

    private static async Task EnsureIndicatorOfProjectAsync(MinshengDbContext db, Guid projectId, Guid? indicatorId, CancellationToken ct)
    {
        if (indicatorId is not { } iid) return;
        var indicator = await db.Indicators.FindOwnAsync(iid, ct);
        if (indicator.ProjectId != projectId) throw DomainException.Invalid("indicatorId", "A milestone can only advance a target of its own project.");
    }
}
