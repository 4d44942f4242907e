using Npgsql;

namespace Minsheng.Application.Common;

/// <summary>
/// The value conversions the row readers share (statements are built with <see cref="Data.Reading.BatchCommands"/>). Each row record carries its own column list and reader (<c>PlanRow.Columns</c>,
/// <c>PlanRow.Read</c>), so a row shape is read in one place.
/// </summary>
internal static class Sql
{
    /// <summary>numeric(20,4) reads back as 3.0000; clients should see 3.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static decimal? NullableDecimal(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Normalize(r.GetDecimal(i));
}
