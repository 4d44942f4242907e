using GraphQL;
using GraphQL.Types;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>The schema while contributors add to it: the two root types and the node resolvers by type name.</summary>
public sealed class SchemaComposition
{
    private readonly Dictionary<string, Func<IResolveFieldContext, Guid, object?>> _nodes = new(StringComparer.Ordinal);

    public ObjectGraphType Query { get; } = new() { Name = "Query" };

    public ObjectGraphType Mutation { get; } = new() { Name = "Mutation" };

    /// <summary>
    /// How the <c>node(id:)</c> field finds an object of <paramref name="typeName"/> (the type name inside its
    /// global id). <paramref name="load"/> returns the object, or a pending loader result, or null.
    /// </summary>
    public void AddNode(string typeName, Func<IResolveFieldContext, Guid, object?> load)
    {
        if (!_nodes.TryAdd(typeName, load)) throw new InvalidOperationException($"Two contributors resolve nodes of type {typeName}.");
    }

    /// <summary>The object a global id names, or null when its type is unknown; the id is already decoded.</summary>
    public object? ResolveNode(IResolveFieldContext context, string typeName, Guid id) =>
        _nodes.TryGetValue(typeName, out var load) ? load(context, id) : null;
}
