using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Errors;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// Checks a parsed document before it is validated or executed: the text of its string literals, the root
/// fields of each operation (every alias is a query of its own) and the number of field selections once
/// every fragment spread is expanded, so alias and fragment bombs are refused in microseconds.
/// Validation proper (and the complexity analyzer, which prices what remains) runs afterwards.
/// </summary>
public static class DocumentLimits
{
    /// <summary>Null when the document is within the limits, else why it is refused.</summary>
    public static BadRequestException? Check(GraphQLDocument document, GraphQLEndpointOptions options)
    {
        if (HasUnacceptableText(document))
            return new BadRequestException(400, InputText.Refusal, ErrorCodes.BadUserInput);

        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var counter = new SelectionCounter(fragments, options.MaxFieldSelections);
            var rootFields = counter.CountRootFields(operation.SelectionSet);
            if (rootFields > options.MaxRootFields)
                return TooComplex($"An operation may select at most {options.MaxRootFields} root fields (aliases included); this one selects {rootFields}.");
            if (counter.Exceeded)
                return TooComplex($"An operation may select at most {options.MaxFieldSelections} fields with its fragments expanded.");
        }
        return null;
    }

    private static BadRequestException TooComplex(string message) => new(400, message, ErrorCodes.QueryTooComplex);

    private static bool HasUnacceptableText(GraphQLDocument document)
    {
        var context = new TextContext();
        // Synchronous underneath: no node of a parsed document awaits anything.
        new StringLiteralVisitor().VisitAsync(document, context).AsTask().GetAwaiter().GetResult();
        return context.Refused;
    }

    private sealed class TextContext : IASTVisitorContext
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public bool Refused { get; set; }
    }

    private sealed class StringLiteralVisitor : ASTVisitor<TextContext>
    {
        protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, TextContext context)
        {
            if (!StorableText.IsValid(stringValue.Value.Span)) context.Refused = true;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Counts field selections, expanding fragment spreads, and stops as soon as the budget is spent.</summary>
    private sealed class SelectionCounter(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, int budget)
    {
        private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
        private int _fields;

        public bool Exceeded => _fields > budget;

        /// <summary>The root fields; counts the whole operation on the way.</summary>
        public int CountRootFields(GraphQLSelectionSet root)
        {
            var roots = 0;
            Visit(root, isRoot: true, ref roots);
            return roots;
        }

        private void Visit(GraphQLSelectionSet? set, bool isRoot, ref int roots)
        {
            if (set is null) return;
            foreach (var selection in set.Selections)
            {
                if (Exceeded) return;
                switch (selection)
                {
                    case GraphQLField field:
                        _fields++;
                        if (isRoot) roots++;
                        var ignored = 0;
                        Visit(field.SelectionSet, isRoot: false, ref ignored);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet, isRoot, ref roots);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        // A cycle is a validation error reported later; here it just must not loop.
                        if (!fragments.TryGetValue(name, out var fragment) || !_expanding.Add(name)) break;
                        Visit(fragment.SelectionSet, isRoot, ref roots);
                        _expanding.Remove(name);
                        break;
                }
            }
        }
    }
}
