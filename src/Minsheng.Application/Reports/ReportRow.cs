using Minsheng.Application.Common;
using Minsheng.Domain.Reports;
using Npgsql;

namespace Minsheng.Application.Reports;

/// <summary>A monthly progress report as the API shows it.</summary>
public sealed record ReportRow(Guid Id, Guid ProjectId, DateOnly Period, ReportStatus Status, string? Progress, string? Problems,
    string? NextSteps, decimal? InvestmentCompletedYuan, DateTimeOffset? SubmittedAt)
{
    /// <summary>What <see cref="Read"/> expects, from <c>progress_reports</c> aliased <c>r</c>.</summary>
    internal const string Columns =
        "r.id, r.project_id, r.period, r.status, r.progress, r.problems, r.next_steps, r.investment_completed_yuan, r.submitted_at";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static ReportRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.GetFieldValue<DateOnly>(o + 2), Enum.Parse<ReportStatus>(r.GetString(o + 3)), Sql.NullableString(r, o + 4),
        Sql.NullableString(r, o + 5), Sql.NullableString(r, o + 6), Sql.NullableDecimal(r, o + 7),
        r.IsDBNull(o + 8) ? null : r.GetFieldValue<DateTimeOffset>(o + 8));
}
