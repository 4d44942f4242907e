using GraphQL;
using GraphQL.Types;
using Minsheng.Data.Reading;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// A Relay connection over any <see cref="Page{T}"/>: edges with cursors, nodes, pageInfo and totalCount.
/// A concept declares its connection in one line: <c>class ProjectConnectionType() : ConnectionType&lt;ProjectType, ProjectRow&gt;("Project")</c>.
/// </summary>
public abstract class ConnectionType<TNodeType, TNode> : ObjectGraphType<Page<TNode>> where TNodeType : IGraphType
{
    /// <summary>Counting runs a statement over every matching row: priced above a plain field.</summary>
    public const int TotalCountImpact = 10;

    protected ConnectionType(string nodeTypeName)
    {
        Name = nodeTypeName + "Connection";
        this.ReachedThroughCheckedField();
        Field<IntGraphType>("totalCount").Description("Items matching the filter, all pages together.")
            .WithComplexityImpact(TotalCountImpact)
            .Resolve(c => c.Source.TotalCount);
        Field("edges", new NonNullGraphType(new ListGraphType(new NonNullGraphType(new EdgeType<TNodeType, TNode>(nodeTypeName)))))
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageInfo(
            c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.Edges.FirstOrDefault()?.Cursor, c.Source.Edges.LastOrDefault()?.Cursor));
    }
}

/// <summary>One row of a connection with its cursor; named after its node type (ProjectEdge …).</summary>
public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>> where TNodeType : IGraphType
{
    public EdgeType(string nodeTypeName)
    {
        Name = nodeTypeName + "Edge";
        this.ReachedThroughCheckedField();
        Field(e => e.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}
