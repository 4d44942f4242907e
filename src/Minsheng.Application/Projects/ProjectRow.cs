using Minsheng.Application.Common;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Projects;

/// <summary>A project (or sub-item) as the API shows it.</summary>
public sealed record ProjectRow(Guid Id, Guid PlanId, Guid? ParentId, int SortOrder, string Sequence, string Name, string? Content,
    string? CategoryCode, decimal? InvestmentYuan, string? InvestmentText, string? CommandHeadquarters, string? ResponsibleLeader,
    Deadline? Deadline, string? Remarks, ProjectState State = ProjectState.Active, string? ClosedOutBy = null, DateTimeOffset? ClosedOutAt = null,
    string? ClosureNote = null)
{
    /// <summary>What <see cref="Read"/> expects, from <c>projects</c> aliased <c>p</c>.</summary>
    internal const string Columns =
        "p.id, p.plan_id, p.parent_id, p.sort_order, p.sequence, p.name, p.content, p.category_code, p.investment_yuan, " +
        "p.investment_text, p.command_headquarters, p.responsible_leader, p.deadline_date, p.deadline_precision, p.remarks, " +
        "p.state, p.closed_out_by, p.closed_out_at, p.closure_note";

    /// <summary>How many <see cref="Columns"/> there are: where columns joined after them start.</summary>
    internal static readonly int ColumnCount = Columns.Count(c => c == ',') + 1;

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static ProjectRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.IsDBNull(o + 2) ? null : r.GetGuid(o + 2), r.GetInt32(o + 3), r.GetString(o + 4),
        r.GetString(o + 5), Sql.NullableString(r, o + 6), Sql.NullableString(r, o + 7),
        Sql.NullableDecimal(r, o + 8), Sql.NullableString(r, o + 9), Sql.NullableString(r, o + 10), Sql.NullableString(r, o + 11),
        r.IsDBNull(o + 12) ? null : new Deadline(r.GetFieldValue<DateOnly>(o + 12), Enum.Parse<DatePrecision>(r.GetString(o + 13))),
        Sql.NullableString(r, o + 14), Enum.Parse<ProjectState>(r.GetString(o + 15)), Sql.NullableString(r, o + 16),
        r.IsDBNull(o + 17) ? null : r.GetFieldValue<DateTimeOffset>(o + 17), Sql.NullableString(r, o + 18));
}
