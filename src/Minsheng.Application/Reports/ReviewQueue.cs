using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Reports;
using Minsheng.Tenancy;

namespace Minsheng.Application.Reports;

/// <summary>
/// The reports waiting for a signature, every month of every project, oldest month first: SUBMITTED ones wait for
/// their unit head (someone bound to units sees those of the projects their units lead), APPROVED ones for the
/// supervision office. A review page reads its whole queue in one statement.
/// </summary>
public sealed class ReviewQueue(ReadSession session, ICallerAccessor callers)
{
    public async Task<IReadOnlyList<ReportRow>> WaitingAsync(ReportStatus status, CancellationToken ct)
    {
        if (status is not (ReportStatus.Submitted or ReportStatus.Approved))
            throw DomainException.Invalid("status", "A review queue holds SUBMITTED reports (for the unit heads) or APPROVED ones (for the supervision office).");
        var caller = callers.Current;
        // A unit's people wait only on their units' projects; the office (bound to no unit) and the developer on all.
        var units = caller.Kind != CallerKind.Developer && caller.UnitIds.Count > 0 ? caller.UnitIds.ToArray() : null;
        var query = new ListQuery<ReportRow>(tenantId => BatchCommands.Of($"""
            SELECT {ReportRow.Columns}
            FROM progress_reports r
            WHERE r.tenant_id = $1 AND r.status = $2
              AND ($3::uuid[] IS NULL OR EXISTS (SELECT 1 FROM project_units pu
                   WHERE pu.tenant_id = $1 AND pu.project_id = r.project_id AND pu.role = 'Lead' AND pu.unit_id = ANY ($3)))
            ORDER BY r.period, r.submitted_at, r.id
            """, tenantId, status.ToString(), units),
            r => ReportRow.Read(r));
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
