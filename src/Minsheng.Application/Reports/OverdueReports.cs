using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Tenancy;
using Minsheng.Tenancy;

namespace Minsheng.Application.Reports;

/// <summary>A month whose report was due and is not in: never started (no status), a draft, or returned and not resubmitted.</summary>
public sealed record OverdueReportRow(Guid ProjectId, DateOnly Period, DateOnly DueOn, ReportStatus? Status);

/// <summary>
/// Overdue monthly reports as of a date: for every top-level project of the tenant's plans, each month of the plan's
/// year whose report was due before that date (the tenant's due day of the following month) and has not been
/// submitted. What the supervision office chases first. Suspended, cancelled and closed-out projects owe no reports.
/// </summary>
public sealed class OverdueReports(ReadSession session)
{
    public async Task<IReadOnlyList<OverdueReportRow>> AsOfAsync(DateOnly asOf, CancellationToken ct)
    {
        var query = new ListQuery<OverdueReportRow>(tenantId => BatchCommands.Of("""
            WITH due AS (
                SELECT p.id AS project_id, make_date(pl.year, m, 1) AS period,
                       (make_date(pl.year, m, 1) + interval '1 month')::date + (t.report_due_day - 1) AS due_on
                FROM projects p
                JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
                JOIN tenants t ON t.id = p.tenant_id
                CROSS JOIN generate_series(1, 12) AS m
                WHERE p.tenant_id = $1 AND p.parent_id IS NULL AND p.state = 'Active')
            SELECT d.project_id, d.period, d.due_on, r.status
            FROM due d
            LEFT JOIN progress_reports r ON r.tenant_id = $1 AND r.project_id = d.project_id AND r.period = d.period
            WHERE d.due_on < $2 AND (r.status IS NULL OR r.status IN ('Draft', 'Returned'))
            ORDER BY d.due_on, d.project_id
            """, tenantId, asOf),
            r => new OverdueReportRow(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2),
                r.IsDBNull(3) ? null : Enum.Parse<ReportStatus>(r.GetString(3))));
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}

/// <summary>The tenant's reporting rules, set by its administrator.</summary>
public sealed class ReportingSettings(UnitOfWork uow, ITenantContextAccessor tenant)
{
    public Task<int> SetDueDayAsync(int day, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var current = await db.Tenants.SingleAsync(t => t.Id == tenant.Current!.TenantId, ct);
        var before = new { current.ReportDueDay };
        current.SetReportDueDay(day);
        uow.Audit("configure", nameof(Tenant), current.Id, before, new { current.ReportDueDay });
        return current.ReportDueDay;
    }, ct);
}
