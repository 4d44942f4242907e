using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data.Reading;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// One round trip for a page and what it shows. A node field declares the loader behind it
/// (<see cref="LoadsAlongWithPage{TSource,TReturn}"/>); a connection's resolver asks which of those the
/// request selects on its nodes (<see cref="LoadAlongWithPage"/>) and has them load for the page's keys in the
/// page's own batch. The fields still resolve through their loaders: the values are simply there already.
/// </summary>
public static class PageRelations
{
    private const string LoaderKey = "minsheng:loadsAlongWithPage";

    // Per parsed document (cached documents are reused across requests) and schema: the loaders its selection needs.
    private static readonly ConditionalWeakTable<GraphQLField, Selected> SelectedByField = new();

    private sealed record Selected(ISchema Schema, Type[] Loaders);

    /// <summary>
    /// Declares that this node field is loaded by <paramref name="loader"/>, keyed by the node's id: an
    /// <see cref="ILoadsAlong{Guid}"/> (a statement of its own in the page's round trip) or an <see cref="IJoinsPage"/>
    /// (columns of the page's own rows).
    /// </summary>
    public static FieldBuilder<TSource, TReturn> LoadsAlongWithPage<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Type loader) =>
        typeof(ILoadsAlong<Guid>).IsAssignableFrom(loader) || typeof(IJoinsPage).IsAssignableFrom(loader)
            ? field.WithMetadata(LoaderKey, loader)
            : throw new ArgumentException($"{loader.Name} cannot load with a page: it is neither an ILoadsAlong<Guid> nor an IJoinsPage.", nameof(loader));

    /// <summary>
    /// For a connection field's resolver: the loaders of the node fields this request selects (under
    /// <c>edges { node }</c> or <c>nodes</c>, through fragments too), to load with the page. Null when none is selected.
    /// </summary>
    public static PageLoads? LoadAlongWithPage(this IResolveFieldContext context)
    {
        if (!SelectedByField.TryGetValue(context.FieldAst, out var selected) || !ReferenceEquals(selected.Schema, context.Schema))
        {
            selected = new Selected(context.Schema, LoadersOf(context).ToArray());
            SelectedByField.AddOrUpdate(context.FieldAst, selected);
        }
        if (selected.Loaders.Length == 0) return null;
        var services = context.RequestServices!;
        List<ILoadsAlong<Guid>> along = [];
        List<IJoinsPage> joins = [];
        foreach (var type in selected.Loaders)
        {
            var loader = services.GetRequiredService(type);
            if (loader is IJoinsPage join) joins.Add(join);
            else along.Add((ILoadsAlong<Guid>)loader);
        }
        return new PageLoads(along, joins);
    }

    private static IEnumerable<Type> LoadersOf(IResolveFieldContext context)
    {
        if (context.FieldDefinition.ResolvedType?.GetNamedType() is not IComplexGraphType connection) return [];
        var loaders = new HashSet<Type>();
        foreach (var field in Fields(context.FieldAst.SelectionSet, context.Document))
        {
            var nodes = field.Name.StringValue switch
            {
                "nodes" => [(field, connection.GetField("nodes"))],
                "edges" when connection.GetField("edges")?.ResolvedType?.GetNamedType() is IComplexGraphType edge =>
                    Fields(field.SelectionSet, context.Document).Where(f => f.Name.StringValue == "node").Select(f => (f, edge.GetField("node"))),
                _ => [],
            };
            foreach (var (nodeField, nodeDefinition) in nodes)
            {
                if (nodeDefinition?.ResolvedType?.GetNamedType() is not IComplexGraphType node) continue;
                foreach (var selection in Fields(nodeField.SelectionSet, context.Document))
                    if (node.GetField(selection.Name.StringValue)?.GetMetadata<Type?>(LoaderKey) is { } loader) loaders.Add(loader);
            }
        }
        return loaders;
    }

    /// <summary>
    /// The fields of a selection set, through inline fragments and fragment spreads. Directives are not evaluated:
    /// a field under <c>@skip</c> may load for nothing, never the other way round.
    /// </summary>
    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, GraphQLDocument document)
    {
        if (set is null) yield break;
        foreach (var selection in set.Selections)
        {
            var inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(inline.SelectionSet, document),
                // Validation rejected cycles before execution, so this recursion ends.
                GraphQLFragmentSpread spread => Fields(document.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(d => d.FragmentName.Name == spread.FragmentName.Name)?.SelectionSet, document),
                _ => [],
            };
            foreach (var field in inner) yield return field;
        }
    }
}
