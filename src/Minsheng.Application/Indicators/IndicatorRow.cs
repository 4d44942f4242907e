using Minsheng.Application.Common;
using Minsheng.Domain.Values;
using Npgsql;

namespace Minsheng.Application.Indicators;

/// <summary>A project's target (指标) as the API shows it.</summary>
public sealed record IndicatorRow(Guid Id, Guid ProjectId, int Position, string Label, Comparator Comparator, decimal TargetValue,
    string Unit, string? SourcePhrase)
{
    /// <summary>What <see cref="Read"/> expects, from <c>indicators</c> aliased <c>i</c>.</summary>
    internal const string Columns = "i.id, i.project_id, i.position, i.label, i.comparator, i.target_value, i.unit, i.source_phrase";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static IndicatorRow Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetGuid(o + 1), r.GetInt32(o + 2), r.GetString(o + 3), Enum.Parse<Comparator>(r.GetString(o + 4)),
        Sql.Normalize(r.GetDecimal(o + 5)), r.GetString(o + 6), Sql.NullableString(r, o + 7));
}
