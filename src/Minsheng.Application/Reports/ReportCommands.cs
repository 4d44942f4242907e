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

/// <summary>What the unit clerk writes into a month's report, and whether it is submitted with it.</summary>
public sealed record ReportDraft(Guid ProjectId, int Year, int Month, string? Progress, string? Problems, string? NextSteps,
    decimal? InvestmentCompletedYuan, IReadOnlyList<ReportedActual>? Actuals, bool Submit = false);

/// <summary>
/// The monthly report cycle: the lead unit's clerk drafts and submits, its head signs off or returns, the
/// supervision office accepts or returns. People bound to units act only for projects their unit leads (the
/// developer of a Development server acts for any). Every step is one transaction with its audit entry; a step
/// taken on a report someone changed meanwhile fails (optimistic concurrency) rather than overwrite it.
/// </summary>
public sealed class ReportCommands(UnitOfWork uow, ICallerAccessor callers, Notifications.Notifier notifier, ReportByIdLoader loaded)
{
    public async Task<Guid> SaveDraftAsync(ReportDraft draft, CancellationToken ct) => Primed(await uow.RunAsync(async db =>
    {
        // The project with its lead units and targets, and the month's report with its figures: one read. Each part names
        // the project itself (not through the join), so each is a probe by the project's key rather than a read of the
        // tenant's rows matched to it afterwards.
        var period = new ProgressReport(draft.ProjectId, draft.Year, draft.Month).Period;
        var projectId = draft.ProjectId;
        var project = await db.Projects.Where(p => p.Id == projectId).Select(p => new
            {
                p.Id,
                LeadUnits = db.ProjectUnits.Where(pu => pu.ProjectId == projectId && pu.Role == ProjectUnitRole.Lead).Select(pu => pu.UnitId).ToList(),
                Targets = db.Indicators.Where(i => i.ProjectId == projectId).Select(i => i.Id).ToList(),
                Month = db.ProgressReports.Where(r => r.ProjectId == projectId && r.Period == period)
                    .Select(r => new { Report = r, Actuals = db.ReportActuals.Where(a => a.ReportId == r.Id).ToList() })
                    .FirstOrDefault(),
            }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(nameof(Project), draft.ProjectId);
        LeadUnitGuard.Require(callers.Current, project.LeadUnits);
        var found = project.Month;
        var report = found?.Report;
        var before = UnitOfWork.Snapshot(report);
        if (report is null)
        {
            report = new ProgressReport(project.Id, draft.Year, draft.Month);
            db.ProgressReports.Add(report);
        }
        report.Write(draft.Progress, draft.Problems, draft.NextSteps, draft.InvestmentCompletedYuan);
        if (draft.Actuals is { } actuals)
        {
            if (actuals.FirstOrDefault(a => !project.Targets.Contains(a.IndicatorId)) is { } stranger)
                throw DomainException.Invalid("actuals", $"Target {stranger.IndicatorId} is not a target of this project.");
            var existing = found?.Actuals ?? [];
            foreach (var actual in actuals.DistinctBy(a => a.IndicatorId))
            {
                if (existing.FirstOrDefault(e => e.IndicatorId == actual.IndicatorId) is { } known) known.Revise(actual.Value);
                else db.ReportActuals.Add(new ReportActual(report.Id, actual.IndicatorId, actual.Value));
            }
        }
        uow.Audit(before is null ? "draft" : "edit", nameof(ProgressReport), report.Id, before, report);
        if (draft.Submit)
        {
            // Two steps of one transaction, audited as the two steps they are.
            var written = UnitOfWork.Snapshot(report);
            report.Submit(callers.Current.ActorId, uow.Clock.GetUtcNow());
            uow.Audit("submit", nameof(ProgressReport), report.Id, written, report);
        }
        return report;
    }, ct));

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

    private async Task<Guid> StepAsync(Guid id, string action, bool unitBound, Action<ProgressReport, string, DateTimeOffset> step, CancellationToken ct,
        Func<MinshengDbContext, ProgressReport, Task>? then = null) => Primed(await uow.RunAsync(async db =>
        {
            // The report and the units leading its project in one read.
            var found = await db.ProgressReports.Where(r => r.Id == id)
                .Select(r => new { Report = r, LeadUnits = db.ProjectUnits.Where(pu => pu.ProjectId == r.ProjectId && pu.Role == ProjectUnitRole.Lead).Select(pu => pu.UnitId).ToList() })
                .FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(nameof(ProgressReport), id);
            var report = found.Report;
            if (unitBound) LeadUnitGuard.Require(callers.Current, found.LeadUnits);
            var before = UnitOfWork.Snapshot(report);
            step(report, callers.Current.ActorId, uow.Clock.GetUtcNow());
            uow.Audit(action, nameof(ProgressReport), report.Id, before, report);
            if (then is not null) await then(db, report);
            return report;
        }, ct));

    /// <summary>Gives the request the report as just committed, so the mutation's payload is answered without reading it back.</summary>
    private Guid Primed(ProgressReport report)
    {
        loaded.Prime(report.Id, ReportRow.Of(report));
        return report.Id;
    }
}
