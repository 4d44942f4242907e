using Npgsql;

namespace Minsheng.Data.Reading;

/// <summary>
/// A loader whose values come in a page's own rows instead of a statement of its own: a LEFT JOIN on the page's table
/// (aliased <c>p</c>) that matches at most one row per page row, and the columns it adds. For a relation of one row per
/// key (a project's stored assessment) it is cheaper than loading along: no second statement, no second walk of the
/// page's keys.
/// </summary>
public interface IJoinsPage
{
    /// <summary>The join, with <c>$1</c> the tenant if it needs it; it must not multiply the page's rows.</summary>
    string PageJoin { get; }

    /// <summary>The columns the join adds, comma-separated, in the order <see cref="ReadPageColumns"/> reads them.</summary>
    string PageColumns { get; }

    int PageColumnCount { get; }

    /// <summary>Takes the value for the page row keyed <paramref name="key"/> from its columns, from <paramref name="offset"/> on.</summary>
    void ReadPageColumns(Guid key, NpgsqlDataReader reader, int offset);
}

/// <summary>
/// What a page's selection needs with it: loaders that load along in the page's round trip (a statement each, over the
/// page's keys) and joins that come in the page's own rows. Made by the GraphQL layer from the fields the request selects.
/// </summary>
public sealed class PageLoads(IReadOnlyList<ILoadsAlong<Guid>> along, IReadOnlyList<IJoinsPage> joins)
{
    /// <summary>The joins, each starting with a space, to follow the page's FROM.</summary>
    public string JoinSql { get; } = string.Concat(joins.Select(j => " " + j.PageJoin));

    public bool HasJoins => JoinSql.Length != 0;

    /// <summary>The joins' columns, each list starting with a comma, to follow the page's own columns.</summary>
    public string ColumnSql { get; } = string.Concat(joins.Select(j => ", " + j.PageColumns));

    public void LoadAlong(PendingKeys<Guid> keys)
    {
        foreach (var loader in along) loader.LoadAlong(keys);
    }

    /// <summary>Hands each join its columns of a page row whose own columns end before <paramref name="offset"/>.</summary>
    public void ReadJoined(Guid key, NpgsqlDataReader reader, int offset)
    {
        foreach (var join in joins)
        {
            join.ReadPageColumns(key, reader, offset);
            offset += join.PageColumnCount;
        }
    }
}
