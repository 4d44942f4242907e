namespace Minsheng.Data.Reading;

/// <summary>One row of a paged list and the opaque cursor that continues the list after it.</summary>
public sealed record Edge<T>(T Node, string Cursor);

/// <summary>
/// One page of any list that pages by cursor (Relay connections): the rows with their cursors, whether more
/// follow, and the total when it was asked for (counting costs a statement, so it is optional).
/// </summary>
public sealed record Page<T>(IReadOnlyList<Edge<T>> Edges, bool HasNextPage, bool HasPreviousPage, int? TotalCount)
{
    public static Page<T> Empty(bool hasPreviousPage = false, int? totalCount = null) => new([], false, hasPreviousPage, totalCount);
}

/// <summary>What a caller asked of a paged list: page size, the cursor to continue after, and whether it wants the total.</summary>
public sealed record PageRequest(int First, string? After, bool IncludeTotal);
