using Minsheng.Application.Common;
using Minsheng.Domain.Reports;
using Npgsql;

namespace Minsheng.Application.Reports;

/// <summary>A monthly progress report as the API shows it.</summary>
public sealed record ReportRow(Guid Id, Guid ProjectId, DateOnly Period, ReportStatus Status, string? Progress, string? Problems,
    string? NextSteps, decimal? InvestmentCompletedYuan, DateTimeOffset? SubmittedAt, ReportSignatures Signatures)
{
    /// <summary>What <see cref="Read"/> expects, from <c>progress_reports</c> aliased <c>r</c>.</summary>
    internal const string Columns =
        "r.id, r.project_id, r.period, r.status, r.progress, r.problems, r.next_steps, r.investment_completed_yuan, r.submitted_at, " +
        "r.submitted_by, r.approved_by, r.approved_at, r.accepted_by, r.accepted_at, r.returned_by, r.returned_at, r.return_reason";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static ReportRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.GetFieldValue<DateOnly>(o + 2), Enum.Parse<ReportStatus>(r.GetString(o + 3)), Sql.NullableString(r, o + 4),
        Sql.NullableString(r, o + 5), Sql.NullableString(r, o + 6), Sql.NullableDecimal(r, o + 7),
        Time(r, o + 8),
        new ReportSignatures(Sql.NullableString(r, o + 9), Sql.NullableString(r, o + 10), Time(r, o + 11), Sql.NullableString(r, o + 12), Time(r, o + 13),
            Sql.NullableString(r, o + 14), Time(r, o + 15), Sql.NullableString(r, o + 16)));

    /// <summary>
    /// The row as it was just written, so a command's payload needs no read: times cut to PostgreSQL's microseconds, as a
    /// later read would give them.
    /// </summary>
    internal static ReportRow Of(ProgressReport r) => new(r.Id, r.ProjectId, r.Period, r.Status, r.Progress, r.Problems, r.NextSteps,
        r.InvestmentCompletedYuan, Micro(r.SubmittedAt),
        new ReportSignatures(r.SubmittedBy, r.ApprovedBy, Micro(r.ApprovedAt), r.AcceptedBy, Micro(r.AcceptedAt), r.ReturnedBy, Micro(r.ReturnedAt), r.ReturnReason));

    private static DateTimeOffset? Micro(DateTimeOffset? t) => t is { } v ? new DateTimeOffset(v.UtcTicks - v.UtcTicks % 10, TimeSpan.Zero) : null;

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}

/// <summary>Who took each step of a report's workflow, and when (the return with its reason, the latest one).</summary>
public sealed record ReportSignatures(string? SubmittedBy, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? AcceptedBy, DateTimeOffset? AcceptedAt,
    string? ReturnedBy, DateTimeOffset? ReturnedAt, string? ReturnReason);
