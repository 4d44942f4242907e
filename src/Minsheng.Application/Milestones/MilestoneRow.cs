using Minsheng.Application.Common;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Milestones;

/// <summary>A project's milestone (节点) as the API shows it.</summary>
public sealed record MilestoneRow(Guid Id, Guid ProjectId, Deadline Due, string Text, Guid? IndicatorId, decimal? CumulativeValue,
    DateOnly? AchievedOn = null, string? AchievedBy = null, string? Evidence = null)
{
    /// <summary>What <see cref="Read"/> expects, from <c>milestones</c> aliased <c>m</c>.</summary>
    internal const string Columns =
        "m.id, m.project_id, m.due_date, m.due_precision, m.text, m.indicator_id, m.cumulative_value, m.achieved_on, m.achieved_by, m.evidence";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static MilestoneRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), new Deadline(r.GetFieldValue<DateOnly>(o + 2), Enum.Parse<DatePrecision>(r.GetString(o + 3))),
        r.GetString(o + 4), r.IsDBNull(o + 5) ? null : r.GetGuid(o + 5), Sql.NullableDecimal(r, o + 6),
        r.IsDBNull(o + 7) ? null : r.GetFieldValue<DateOnly>(o + 7), Sql.NullableString(r, o + 8), Sql.NullableString(r, o + 9));
}
