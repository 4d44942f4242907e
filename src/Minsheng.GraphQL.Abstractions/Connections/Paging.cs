using GraphQL;
using GraphQL.Types;
using Minsheng.Data.Reading;

namespace Minsheng.GraphQL.Abstractions;

public static class Paging
{
    public const int DefaultPageSize = 20;

    /// <summary>The first/after arguments of every connection field.</summary>
    public static QueryArguments Arguments(int maxPageSize) => new(
        new QueryArgument<IntGraphType> { Name = "first", Description = $"Page size, at most {maxPageSize}; default {DefaultPageSize}.", DefaultValue = DefaultPageSize },
        new QueryArgument<StringGraphType> { Name = "after", Description = "The endCursor of the previous page." });

    /// <summary>
    /// Reads first/after, and whether totalCount is selected anywhere in the field's merged selection:
    /// counting costs a statement, so it runs only when asked for.
    /// </summary>
    public static PageRequest PageRequest(this IResolveFieldContext context) => new(
        context.GetArgument("first", DefaultPageSize),
        context.GetArgument<string?>("after"),
        context.SubFields?.ContainsKey("totalCount") ?? true);
}
