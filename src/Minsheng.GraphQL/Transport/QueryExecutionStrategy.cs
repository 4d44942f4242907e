using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// The strategy for queries: serial, because the loaders of a level share one connection and one pending batch (the
/// parallel strategy would use them concurrently; serial still batches each level in one round trip), and with each
/// selection set's fields collected once per parsed document and object type rather than once per object.
/// </summary>
/// <remarks>
/// Collecting a selection set looks every selected field up by name in its type's field list. A page of 20 projects
/// did that for every project, lead unit, target, report and assessment on it (about a sixth of the server's time on
/// the page with lights, in profiles). The fields a selection set collects to depend only on the document (cached
/// documents are reused across requests), the object type (one per schema) and the <c>@skip</c>/<c>@include</c>
/// directives, whose values can come from variables: a request whose document has directives collects as before.
/// </remarks>
public sealed class QueryExecutionStrategy : SerialExecutionStrategy
{
    public static new QueryExecutionStrategy Instance { get; } = new();

    // Per selection set node: the fields it collects to for each object type it was executed against (usually one).
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, Collected[]> BySelectionSet = new();

    private sealed record Collected(IGraphType Type, (GraphQLField Field, FieldType Definition)[] Fields);

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        // Directives are evaluated per request (their arguments may be variables): nothing to reuse.
        if (context.DirectiveValues is { Count: > 0 } || parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }
        var parentType = (IGraphType?)parent.GetObjectGraphType(context.Schema) ?? parent.GraphType!;
        var fields = FieldsOf(context, parentType, selectionSet);
        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = subFields;
    }

    private (GraphQLField Field, FieldType Definition)[] FieldsOf(ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet)
    {
        if (BySelectionSet.TryGetValue(selectionSet, out var known))
            foreach (var entry in known)
                if (ReferenceEquals(entry.Type, type)) return entry.Fields;
        // In the order the base collects them (a dictionary keeps insertion order while nothing is removed): the
        // response's field order.
        var fields = CollectFieldsFrom(context, type, selectionSet, null).Values.ToArray();
        var added = new Collected(type, fields);
        BySelectionSet.AddOrUpdate(selectionSet, known is null ? [added] : [.. known.Where(e => !ReferenceEquals(e.Type, type)), added]);
        return fields;
    }
}
