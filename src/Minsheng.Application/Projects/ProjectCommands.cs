using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Projects;

public sealed record ProjectUnitsInput(IReadOnlyList<Guid>? Lead = null, IReadOnlyList<Guid>? Co = null, IReadOnlyList<Guid>? Certifiers = null);

public sealed record ProjectPatch(Opt<string> Sequence = default, Opt<string> Name = default, Opt<string?> Content = default,
    Opt<string?> CategoryCode = default, Opt<decimal?> InvestmentYuan = default, Opt<string?> InvestmentText = default,
    Opt<string?> CommandHeadquarters = default, Opt<string?> ResponsibleLeader = default, Opt<Deadline?> Deadline = default,
    Opt<string?> Remarks = default, Opt<int> SortOrder = default)
{
    public ProjectDetails ApplyTo(Project p) => new(
        Sequence.Or(p.Sequence), Name.Or(p.Name), Content.Or(p.Content), CategoryCode.Or(p.CategoryCode),
        InvestmentYuan.Or(p.InvestmentYuan), InvestmentText.Or(p.InvestmentText), CommandHeadquarters.Or(p.CommandHeadquarters),
        ResponsibleLeader.Or(p.ResponsibleLeader), Deadline.Or(p.Deadline), Remarks.Or(p.Remarks));
}

public sealed class ProjectCommands(UnitOfWork uow)
{
    public Task<Guid> CreateAsync(Guid planId, Guid? parentId, int? sortOrder, ProjectDetails details, ProjectUnitsInput units, CancellationToken ct) =>
        uow.RunAsync(async db =>
        {
            // Both lookups go through the tenant filter: another tenant's plan or project is simply not found.
            await db.Plans.FindOwnAsync(planId, ct);
            if (parentId is { } pid)
            {
                var parent = await db.Projects.FindOwnAsync(pid, ct);
                if (parent.PlanId != planId) throw DomainException.Invalid("parentId", "A sub-item must belong to the same plan as its parent.");
                if (parent.ParentId is not null) throw DomainException.Invalid("parentId", "Sub-items cannot have sub-items of their own.");
            }
            var order = sortOrder ?? (await db.Projects.Where(p => p.PlanId == planId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0) + 1;
            var project = new Project(planId, order, details, parentId);
            db.Projects.Add(project);
            await SetUnitsAsync(db, project.Id, units, ct);
            uow.Audit("create", nameof(Project), project.Id, null, new { project, units });
            return project.Id;
        }, ct);

    public Task<Guid> UpdateAsync(Guid id, ProjectPatch patch, ProjectUnitsInput? units, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var project = await db.Projects.FindOwnAsync(id, ct);
        var before = UnitOfWork.Snapshot(project);
        if (patch.Deadline.HasValue && patch.Deadline.Value != project.Deadline)
            await Plans.PublishedPlanGuard.RefuseEditAsync(db, id, "deadline", "The deadline", ct);
        project.Update(patch.ApplyTo(project));
        if (patch.SortOrder.HasValue) project.MoveTo(patch.SortOrder.Value);
        if (units is not null) await SetUnitsAsync(db, id, units, ct);
        uow.Audit("update", nameof(Project), id, before, new { project, units });
        return id;
    }, ct);

    public Task<Guid> DeleteAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var project = await db.Projects.FindOwnAsync(id, ct);
        await Plans.PublishedPlanGuard.RefuseEditAsync(db, id, "id", "A project (deleting it: cancel it instead)", ct);
        // Milestones of this project (and of its sub-items) may point at targets that the cascade removes.
        var projectIds = await db.Projects.Where(p => p.Id == id || p.ParentId == id).Select(p => p.Id).ToListAsync(ct);
        await db.Milestones.Where(m => projectIds.Contains(m.ProjectId)).ExecuteDeleteAsync(ct);
        db.Projects.Remove(project);
        uow.Audit("delete", nameof(Project), id, project, null);
        return id;
    }, ct);

    /// <summary>Replaces the roles given (a null list leaves that role as it is). Every unit must be the tenant's own.</summary>
    private static async Task SetUnitsAsync(MinshengDbContext db, Guid projectId, ProjectUnitsInput units, CancellationToken ct)
    {
        var byRole = new (ProjectUnitRole Role, IReadOnlyList<Guid>? Ids, string Field)[]
        {
            (ProjectUnitRole.Lead, units.Lead, "leadUnitIds"),
            (ProjectUnitRole.Co, units.Co, "coUnitIds"),
            (ProjectUnitRole.Certifier, units.Certifiers, "certificationUnitIds"),
        };
        foreach (var (role, ids, field) in byRole)
        {
            if (ids is null) continue;
            var distinct = ids.Distinct().ToList();
            var known = await db.Units.Where(u => distinct.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            var unknown = distinct.Except(known).ToList();
            if (unknown.Count > 0) throw DomainException.Invalid(field, $"Unit {unknown[0]} was not found.");
            await db.ProjectUnits.Where(pu => pu.ProjectId == projectId && pu.Role == role).ExecuteDeleteAsync(ct);
            db.ProjectUnits.AddRange(distinct.Select((unitId, i) => new ProjectUnit(projectId, unitId, role, i)));
        }
    }
}
