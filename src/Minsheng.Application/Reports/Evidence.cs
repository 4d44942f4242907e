using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Reports;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Reports;

/// <summary>An evidence file as listed with its report (the content is read only when asked for).</summary>
public sealed record EvidenceRow(Guid Id, Guid ReportId, string FileName, string MediaType, int Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    internal const string Columns = "e.id, e.report_id, e.file_name, e.media_type, e.size, e.sha256, e.uploaded_by, e.uploaded_at";

    internal static EvidenceRow Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5),
        r.GetString(6), r.GetFieldValue<DateTimeOffset>(7));
}

public sealed record EvidenceContent(Guid Id, byte[] Content);

public sealed class EvidenceByReportLoader(ReadSession session) : ByParentLoader<EvidenceRow>(session,
    keys => $"SELECT {EvidenceRow.Columns} FROM evidence_files e WHERE e.tenant_id = $1 AND e.report_id = ANY({keys}) ORDER BY e.report_id, e.uploaded_at, e.id",
    EvidenceRow.Read, e => e.ReportId);

/// <summary>Contents only for the files whose content a request selects: never with the list.</summary>
public sealed class EvidenceContentLoader(ReadSession session) : ByIdLoader<EvidenceContent>(session,
    keys => $"SELECT e.id, e.content FROM evidence_files e WHERE e.tenant_id = $1 AND e.id = ANY({keys})",
    r => new EvidenceContent(r.GetGuid(0), r.GetFieldValue<byte[]>(1)), e => e.Id);

/// <summary>A correction of an accepted month; Before and After are JSON of the narrative, the investment and the figures.</summary>
public sealed record CorrectionRow(Guid Id, Guid ReportId, string Reason, string Before, string After, string CorrectedBy, DateTimeOffset CorrectedAt);

public sealed class CorrectionsByReportLoader(ReadSession session) : ByParentLoader<CorrectionRow>(session,
    keys => $"""
    SELECT c.id, c.report_id, c.reason, c.before::text, c.after::text, c.corrected_by, c.corrected_at FROM report_corrections c
    WHERE c.tenant_id = $1 AND c.report_id = ANY({keys}) ORDER BY c.report_id, c.corrected_at, c.id
    """,
    r => new CorrectionRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)),
    c => c.ReportId);

/// <summary>The office's correction of an accepted month: why, and the new narrative, investment or figures (what is left out stays).</summary>
public sealed record ReportCorrectionRequest(Guid ReportId, string Reason, string? Progress, decimal? InvestmentCompletedYuan, IReadOnlyList<ReportedActual>? Actuals);

/// <summary>
/// Evidence on a report — attached and removed by the lead unit while the report can be edited — and the audited
/// correction of an accepted month by the supervision office.
/// </summary>
public sealed class EvidenceCommands(UnitOfWork uow, ICallerAccessor callers)
{
    public Task<Guid> AttachAsync(Guid reportId, string fileName, byte[] content, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var report = await db.ProgressReports.FindOwnAsync(reportId, ct);
        await LeadUnitGuard.RequireAsync(db, callers.Current, report.ProjectId, ct);
        RequireEditable(report);
        var file = new EvidenceFile(report.Id, fileName, content, callers.Current.ActorId, uow.Clock.GetUtcNow());
        var existing = await db.EvidenceFiles.Where(e => e.ReportId == report.Id).Select(e => e.Sha256).ToListAsync(ct);
        if (existing.Count >= EvidenceFile.MaxPerReport) throw DomainException.Invalid("reportId", $"A report has at most {EvidenceFile.MaxPerReport} evidence files.");
        if (existing.Contains(file.Sha256)) throw DomainException.Conflict("This file is already attached to the report.");
        db.EvidenceFiles.Add(file);
        uow.Audit("attach", nameof(EvidenceFile), file.Id, null, new { file.ReportId, file.FileName, file.MediaType, file.Size, file.Sha256 });
        return file.Id;
    }, ct);

    /// <summary>Removes a file; returns its report.</summary>
    public Task<Guid> RemoveAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var file = await db.EvidenceFiles.FindOwnAsync(id, ct);
        var report = await db.ProgressReports.FindOwnAsync(file.ReportId, ct);
        await LeadUnitGuard.RequireAsync(db, callers.Current, report.ProjectId, ct);
        RequireEditable(report);
        db.EvidenceFiles.Remove(file);
        uow.Audit("remove", nameof(EvidenceFile), file.Id, new { file.ReportId, file.FileName, file.MediaType, file.Size, file.Sha256 }, null);
        return report.Id;
    }, ct);

    public Task<Guid> CorrectAsync(ReportCorrectionRequest request, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var report = await db.ProgressReports.FindOwnAsync(request.ReportId, ct);
        var actuals = await db.ReportActuals.Where(a => a.ReportId == report.Id).ToListAsync(ct);
        var before = Snapshot(report, actuals);
        var reportBefore = UnitOfWork.Snapshot(report);
        report.Correct(request.Progress, request.InvestmentCompletedYuan);
        if (request.Actuals is { } corrected)
        {
            var targets = await db.Indicators.Where(i => i.ProjectId == report.ProjectId).Select(i => i.Id).ToListAsync(ct);
            if (corrected.FirstOrDefault(a => !targets.Contains(a.IndicatorId)) is { } stranger)
                throw DomainException.Invalid("actuals", $"Target {stranger.IndicatorId} is not a target of this project.");
            foreach (var actual in corrected.DistinctBy(a => a.IndicatorId))
            {
                if (actuals.FirstOrDefault(a => a.IndicatorId == actual.IndicatorId) is { } known) known.Revise(actual.Value);
                else
                {
                    var added = new Domain.Reports.ReportActual(report.Id, actual.IndicatorId, actual.Value);
                    db.ReportActuals.Add(added);
                    actuals.Add(added);
                }
            }
        }
        var after = Snapshot(report, actuals);
        if (before == after) throw DomainException.Invalid("reason", "The correction changes nothing.");
        var correction = new ReportCorrection(report.Id, request.Reason, before, after, callers.Current.ActorId, uow.Clock.GetUtcNow());
        db.ReportCorrections.Add(correction);
        uow.Audit("correct", nameof(ProgressReport), report.Id, reportBefore, new { report, correction.Reason, correction.After });
        return report.Id;
    }, ct);

    private static string Snapshot(ProgressReport report, IEnumerable<Domain.Reports.ReportActual> actuals) => JsonSerializer.Serialize(new
    {
        report.Progress,
        report.InvestmentCompletedYuan,
        // Normalized: 12.0000 read from numeric(20,4) and 12 from the caller are the same figure.
        Actuals = actuals.OrderBy(a => a.IndicatorId).Select(a => new { a.IndicatorId, Value = Sql.Normalize(a.Value) }),
    }, StoredJson.Options);

    private static void RequireEditable(ProgressReport report)
    {
        if (!report.IsEditable)
            throw DomainException.IllegalTransition($"Evidence is attached to or removed from a draft or returned report; this one is {report.Status.ToString().ToLowerInvariant()}." +
                (report.Status == ReportStatus.Accepted ? " An accepted month is locked." : ""));
    }
}
