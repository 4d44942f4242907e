using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Plans;

public sealed record PlanInput(int Year, string Title, string? Issuer = null, string? DocumentNumber = null, DateOnly? IssuedOn = null, string? Approval = null);

public sealed record PlanPatch(Opt<int> Year = default, Opt<string> Title = default, Opt<string?> Issuer = default,
    Opt<string?> DocumentNumber = default, Opt<DateOnly?> IssuedOn = default, Opt<string?> Approval = default);

public sealed class PlanCommands(UnitOfWork uow)
{
    public Task<Guid> CreateAsync(PlanInput input, CancellationToken ct) => uow.RunAsync(db =>
    {
        var plan = new Plan(input.Year, input.Title);
        plan.Update(input.Year, input.Title, input.Issuer, input.DocumentNumber, input.IssuedOn, input.Approval);
        db.Plans.Add(plan);
        uow.Audit("create", nameof(Plan), plan.Id, null, plan);
        return Task.FromResult(plan.Id);
    }, ct);

    public Task<Guid> UpdateAsync(Guid id, PlanPatch patch, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var plan = await db.Plans.FindOwnAsync(id, ct);
        var before = UnitOfWork.Snapshot(plan);
        plan.Update(patch.Year.Or(plan.Year), patch.Title.Or(plan.Title), patch.Issuer.Or(plan.Issuer),
            patch.DocumentNumber.Or(plan.DocumentNumber), patch.IssuedOn.Or(plan.IssuedOn), patch.Approval.Or(plan.Approval));
        uow.Audit("update", nameof(Plan), id, before, plan);
        return id;
    }, ct);

    /// <summary>Deletes a plan with its projects, targets, milestones and reports.</summary>
    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var plan = await db.Plans.FindOwnAsync(id, ct);
        if (plan.Status != PlanStatus.Draft && await db.ProgressReports.AnyAsync(r => db.Projects.Any(p => p.Id == r.ProjectId && p.PlanId == id), ct))
            throw DomainException.Conflict("A published plan with progress reports cannot be deleted; close it instead.");
        // Milestones may point at targets the cascade removes (that foreign key restricts): remove them first.
        var projectIds = db.Projects.Where(p => p.PlanId == id).Select(p => p.Id);
        await db.Milestones.Where(m => projectIds.Contains(m.ProjectId)).ExecuteDeleteAsync(ct);
        db.Plans.Remove(plan);
        uow.Audit("delete", nameof(Plan), id, plan, null);
        return id;
    }, ct);
}
