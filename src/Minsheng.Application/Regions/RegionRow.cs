using Minsheng.Application.Common;
using Npgsql;

namespace Minsheng.Application.Regions;

/// <summary>An administrative region: shared reference data, the same for every tenant.</summary>
public sealed record RegionRow(string Code, string Name, string Level, string? ParentCode)
{
    /// <summary>What <see cref="Read"/> expects, from <c>regions</c> (unaliased: it is only ever read alone).</summary>
    internal const string Columns = "code, name, level, parent_code";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static RegionRow Read(NpgsqlDataReader r, int o = 0) => new(r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), Sql.NullableString(r, o + 3));
}
