using Minsheng.Data.Reading;
using GraphQL;
using GraphQL.Types;
using Minsheng.Application.Reading;
using Minsheng.GraphQL.Loading;

namespace Minsheng.GraphQL.Types;

public sealed class PageInfoType : ObjectGraphType<Page<ProjectRow>>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.Edges.FirstOrDefault()?.Cursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.Edges.LastOrDefault()?.Cursor);
    }
}

public sealed class ProjectEdgeType : ObjectGraphType<Edge<ProjectRow>>
{
    public ProjectEdgeType()
    {
        Name = "ProjectEdge";
        Field(e => e.Cursor);
        Field<NonNullGraphType<ProjectType>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class ProjectOrderType : EnumerationGraphType<ProjectOrder>
{
    public ProjectOrderType()
    {
        Name = "ProjectOrder";
        Description = "SEQUENCE: as in the plan's annex table; NAME; DEADLINE: earliest first, projects without one last.";
    }
}

public sealed class ProjectFilterInputType : InputObjectGraphType
{
    public ProjectFilterInputType()
    {
        Name = "ProjectFilter";
        Field<IdGraphType>("planId");
        Field<IntGraphType>("year").Description("The plan year.");
        Field<StringGraphType>("category").Description("Category code, e.g. provincial.");
        Field<IdGraphType>("unitId").Description("Projects this unit leads, supports or certifies.");
        Field<StringGraphType>("search").Description("Text in the name or content.");
        Field<BooleanGraphType>("topLevelOnly").Description("Leave out sub-items.");
    }
}

/// <summary>A Relay connection of projects with first/after paging, filters, ordering and totalCount.</summary>
public sealed class ProjectConnectionType : ObjectGraphType<Page<ProjectRow>>
{
    public ProjectConnectionType()
    {
        Name = "ProjectConnection";
        Field<IntGraphType>("totalCount").Description("Projects matching the filter, all pages together.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
    }

    public static QueryArguments PagingArguments() => new(
        new QueryArgument<IntGraphType> { Name = "first", Description = $"Page size, at most {ProjectQueries.MaxPageSize}; default 20.", DefaultValue = 20 },
        new QueryArgument<StringGraphType> { Name = "after", Description = "The endCursor of the previous page." },
        new QueryArgument<ProjectOrderType> { Name = "orderBy", DefaultValue = ProjectOrder.Sequence });

    public static Task<Page<ProjectRow>> ResolveAsync(IResolveFieldContext context, ProjectFilter filter) => context.Guard(() =>
        context.Service<ProjectQueries>().GetPageAsync(
            filter,
            context.GetArgument("orderBy", ProjectOrder.Sequence),
            context.GetArgument("first", 20),
            context.GetArgument<string?>("after"),
            includeTotal: Selects(context, "totalCount"),
            context.CancellationToken));

    /// <summary>Counting costs a statement; only do it when the query asks for the count (in any merged selection or fragment).</summary>
    private static bool Selects(IResolveFieldContext context, string field) => context.SubFields?.ContainsKey(field) ?? true;
}
