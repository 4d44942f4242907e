using GraphQL.Types;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>Where a page sits in its list; the same for every connection.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        this.ReachedThroughCheckedField();
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}
