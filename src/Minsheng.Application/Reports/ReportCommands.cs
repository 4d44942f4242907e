using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;
using Minsheng.Tenancy;

namespace Minsheng.Application.Reports;

/// <summary>A target's cumulative achieved figure as the report states it.</summary>
public sealed record ReportedActual(Guid IndicatorId, decimal Value);

/// <summary>What the unit clerk writes into a month's report.</summary>
public sealed record ReportDraft(Guid ProjectId, int Year, int Month, string? Progress, string? Problems, string? NextSteps,
    decimal? InvestmentCompletedYuan, IReadOnlyList<ReportedActual>? Actuals);

/// <summary>
/// The monthly report cycle: the lead unit's clerk drafts and submits, its head signs off or returns, the
/// supervision office accepts or returns. People bound to units act only for projects their unit leads (the
/// developer of a Development server acts for any). Every step is one transaction with its audit entry; a step
/// taken on a report someone changed meanwhile fails (optimistic concurrency) rather than overwrite it.
/// </summary>
public sealed class ReportCommands(UnitOfWork uow, ICallerAccessor callers, Notifications.Notifier notifier)
{
    public Task<Guid> SaveDraftAsync(ReportDraft draft, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var project = await db.Projects.FindOwnAsync(draft.ProjectId, ct);
        await LeadUnitGuard.RequireAsync(db, callers.Current, project.Id, ct);
        var period = new ProgressReport(project.Id, draft.Year, draft.Month).Period;
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.ProjectId == project.Id && r.Period == period, ct);
        var before = UnitOfWork.Snapshot(report);
        if (report is null)
        {
            report = new ProgressReport(project.Id, draft.Year, draft.Month);
            db.ProgressReports.Add(report);
        }
        report.Write(draft.Progress, draft.Problems, draft.NextSteps, draft.InvestmentCompletedYuan);
        if (draft.Actuals is { } actuals)
        {
            var targets = await db.Indicators.Where(i => i.ProjectId == project.Id).Select(i => i.Id).ToListAsync(ct);
            if (actuals.FirstOrDefault(a => !targets.Contains(a.IndicatorId)) is { } stranger)
                throw DomainException.Invalid("actuals", $"Target {stranger.IndicatorId} is not a target of this project.");
            var existing = await db.ReportActuals.Where(a => a.ReportId == report.Id).ToListAsync(ct);
            foreach (var actual in actuals.DistinctBy(a => a.IndicatorId))
            {
                if (existing.FirstOrDefault(e => e.IndicatorId == actual.IndicatorId) is { } known) known.Revise(actual.Value);
                else db.ReportActuals.Add(new ReportActual(report.Id, actual.IndicatorId, actual.Value));
            }
        }
        uow.Audit(before is null ? "draft" : "edit", nameof(ProgressReport), report.Id, before, report);
        return report.Id;
    }, ct);

    public Task<Guid> SubmitAsync(Guid id, CancellationToken ct) => StepAsync(id, "submit", unitBound: true, (r, by, at) => r.Submit(by, at), ct);

    public Task<Guid> ApproveAsync(Guid id, CancellationToken ct) => StepAsync(id, "approve", unitBound: true, (r, by, at) => r.Approve(by, at), ct);

    public Task<Guid> AcceptAsync(Guid id, CancellationToken ct) => StepAsync(id, "accept", unitBound: false, (r, by, at) => r.Accept(by, at), ct);

    /// <summary>
    /// A unit head returns a report it has not signed off yet (for its own units); the supervision office returns a
    /// submitted or signed-off one.
    /// </summary>
    public Task<Guid> ReturnAsync(Guid id, string reason, CancellationToken ct)
    {
        var office = callers.Current.Has(Domain.Access.Permission.ReviewReports);
        return StepAsync(id, "return", unitBound: !office, (r, by, at) =>
        {
            if (!office && r.Status == ReportStatus.Approved)
                throw new DomainException(DomainErrorKind.Forbidden, "A signed-off report is returned by the supervision office, not by the unit.");
            r.Return(by, reason, at);
        }, ct, (db, r) => notifier.ToLeadUnitsAsync(db, Domain.Notifications.NotificationKind.ReportReturned, r.ProjectId, r.Id,
            $"{r.Period:yyyy年M月}月报被退回", $"退回原因：{r.ReturnReason}。请修改后重新报送。", ct));
    }

    private Task<Guid> StepAsync(Guid id, string action, bool unitBound, Action<ProgressReport, string, DateTimeOffset> step, CancellationToken ct,
        Func<MinshengDbContext, ProgressReport, Task>? then = null) =>
        uow.RunAsync(async db =>
        {
            var report = await db.ProgressReports.FindOwnAsync(id, ct);
            if (unitBound) await LeadUnitGuard.RequireAsync(db, callers.Current, report.ProjectId, ct);
            var before = UnitOfWork.Snapshot(report);
            step(report, callers.Current.ActorId, uow.Clock.GetUtcNow());
            uow.Audit(action, nameof(ProgressReport), report.Id, before, report);
            if (then is not null) await then(db, report);
            return report.Id;
        }, ct);
}
