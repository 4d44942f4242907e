using Minsheng.Application.Common;
using Npgsql;

namespace Minsheng.Application.Reports;

/// <summary>The figure a report gives for one of its project's targets.</summary>
public sealed record ActualRow(Guid ReportId, Guid IndicatorId, decimal Value)
{
    /// <summary>What <see cref="Read"/> expects, from <c>report_actuals</c> aliased <c>a</c>.</summary>
    internal const string Columns = "a.report_id, a.indicator_id, a.value";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static ActualRow Read(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetGuid(o + 1), Sql.Normalize(r.GetDecimal(o + 2)));
}
