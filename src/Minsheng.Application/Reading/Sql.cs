using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Reading;

/// <summary>Column lists and row readers shared by the queries and loaders, so each row shape is read in one place.</summary>
internal static class Sql
{
    public const string PlanColumns = "p.id, p.year, p.title, p.issuer, p.document_number, p.issued_on, p.approval, p.status, p.source_document_name";

    public static PlanRow ReadPlan(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetInt32(o + 1), r.GetString(o + 2), NullableString(r, o + 3), NullableString(r, o + 4),
        r.IsDBNull(o + 5) ? null : r.GetFieldValue<DateOnly>(o + 5), NullableString(r, o + 6),
        Enum.Parse<PlanStatus>(r.GetString(o + 7)), NullableString(r, o + 8));

    public const string ProjectColumns =
        "p.id, p.plan_id, p.parent_id, p.sort_order, p.sequence, p.name, p.content, p.category_code, p.investment_yuan, " +
        "p.investment_text, p.command_headquarters, p.responsible_leader, p.deadline_date, p.deadline_precision, p.remarks";

    public static ProjectRow ReadProject(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.IsDBNull(o + 2) ? null : r.GetGuid(o + 2), r.GetInt32(o + 3), r.GetString(o + 4),
        r.GetString(o + 5), NullableString(r, o + 6), NullableString(r, o + 7),
        r.IsDBNull(o + 8) ? null : Normalize(r.GetDecimal(o + 8)), NullableString(r, o + 9), NullableString(r, o + 10), NullableString(r, o + 11),
        r.IsDBNull(o + 12) ? null : new Deadline(r.GetFieldValue<DateOnly>(o + 12), Enum.Parse<DatePrecision>(r.GetString(o + 13))),
        NullableString(r, o + 14));

    public const string IndicatorColumns = "i.id, i.project_id, i.position, i.label, i.comparator, i.target_value, i.unit, i.source_phrase";

    public static IndicatorRow ReadIndicator(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.GetString(3), Enum.Parse<Comparator>(r.GetString(4)), Normalize(r.GetDecimal(5)),
        r.GetString(6), NullableString(r, 7));

    public const string MilestoneColumns = "m.id, m.project_id, m.due_date, m.due_precision, m.text, m.indicator_id, m.cumulative_value";

    public static MilestoneRow ReadMilestone(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), new Deadline(r.GetFieldValue<DateOnly>(2), Enum.Parse<DatePrecision>(r.GetString(3))),
        r.GetString(4), r.IsDBNull(5) ? null : r.GetGuid(5), r.IsDBNull(6) ? null : Normalize(r.GetDecimal(6)));

    public const string UnitColumns = "u.id, u.name, u.aliases";

    public static UnitRow ReadUnit(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetString(o + 1), r.GetFieldValue<string[]>(o + 2));

    public const string ReportColumns =
        "r.id, r.project_id, r.period, r.status, r.progress, r.problems, r.next_steps, r.investment_completed_yuan, r.submitted_at";

    public static ReportRow ReadReport(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<DateOnly>(2), Enum.Parse<ReportStatus>(r.GetString(3)), NullableString(r, 4),
        NullableString(r, 5), NullableString(r, 6), r.IsDBNull(7) ? null : Normalize(r.GetDecimal(7)),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8));

    /// <summary>numeric(20,4) reads back as 3.0000; clients should see 3.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return command;
    }
}
