using Minsheng.Application.Common;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Projects;

/// <summary>A project (or sub-item) as the API shows it.</summary>
public sealed record ProjectRow(Guid Id, Guid PlanId, Guid? ParentId, int SortOrder, string Sequence, string Name, string? Content,
    string? CategoryCode, decimal? InvestmentYuan, string? InvestmentText, string? CommandHeadquarters, string? ResponsibleLeader,
    Deadline? Deadline, string? Remarks)
{
    /// <summary>What <see cref="Read"/> expects, from <c>projects</c> aliased <c>p</c>.</summary>
    internal const string Columns =
        "p.id, p.plan_id, p.parent_id, p.sort_order, p.sequence, p.name, p.content, p.category_code, p.investment_yuan, " +
        "p.investment_text, p.command_headquarters, p.responsible_leader, p.deadline_date, p.deadline_precision, p.remarks";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static ProjectRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.IsDBNull(o + 2) ? null : r.GetGuid(o + 2), r.GetInt32(o + 3), r.GetString(o + 4),
        r.GetString(o + 5), Sql.NullableString(r, o + 6), Sql.NullableString(r, o + 7),
        Sql.NullableDecimal(r, o + 8), Sql.NullableString(r, o + 9), Sql.NullableString(r, o + 10), Sql.NullableString(r, o + 11),
        r.IsDBNull(o + 12) ? null : new Deadline(r.GetFieldValue<DateOnly>(o + 12), Enum.Parse<DatePrecision>(r.GetString(o + 13))),
        Sql.NullableString(r, o + 14));
}
