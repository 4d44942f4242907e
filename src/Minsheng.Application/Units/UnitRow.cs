using Npgsql;

namespace Minsheng.Application.Units;

/// <summary>A responsible unit (责任单位) as the API shows it.</summary>
public sealed record UnitRow(Guid Id, string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>What <see cref="Read"/> expects, from <c>units</c> aliased <c>u</c>.</summary>
    internal const string Columns = "u.id, u.name, u.aliases";

    /// <summary>The row whose <see cref="Columns"/> start at column <paramref name="o"/>.</summary>
    internal static UnitRow Read(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetString(o + 1), r.GetFieldValue<string[]>(o + 2));
}
