using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Domain.Access;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// A field the caller may not select: FORBIDDEN for a caller who signed in, UNAUTHENTICATED for one who did not.
/// Reported while validating, so nothing of the document runs.
/// </summary>
public sealed class AccessDeniedError : ValidationError
{
    public AccessDeniedError(GraphQLDocument document, string code, string message, ASTNode node) : base(document.Source, code, message, node)
    {
        Code = code;
    }
}

/// <summary>
/// Enforces the access rule of every selected field (<see cref="FieldAccess"/>) against the request's caller,
/// before execution. Runs for cached documents too: the same document is allowed to one caller and not another.
/// Fails closed: a field that declares no rule is refused.
/// </summary>
public sealed class FieldAccessRule : ValidationRuleBase
{
    public static readonly FieldAccessRule Instance = new();

    /// <summary>The caller is looked up once per document, not once per field.</summary>
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new Visitor(context.RequestServices?.GetService<ICallerAccessor>()?.Current ?? Caller.Anonymous));

    private sealed class Visitor(Caller caller) : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is not GraphQLField field || field.Name.Value.Span.StartsWith("__")) return default;
            var definition = context.TypeInfo.GetFieldDef();
            if (definition is null) return default; // an unknown field: the standard rules report it
            // The parent may come wrapped (a non-null or list type); the rule sits on the named type.
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            // Introspection's own types (__Schema, __Type …): who may introspect is IntrospectionAccessRule's business.
            if (parent?.Name.StartsWith("__", StringComparison.Ordinal) == true) return default;
            var rule = FieldAccess.RuleOf(definition, parent);
            if (rule is not { } declared)
            {
                context.ReportError(new AccessDeniedError(context.Document, ErrorCodes.Forbidden,
                    $"{parent?.Name}.{definition.Name} declares no access rule, so nobody may select it.", field));
            }
            else if (!declared.IsSatisfiedBy(caller.Permissions))
            {
                var permission = string.Join(" or ", declared.AnyOf);
                context.ReportError(caller.Kind == CallerKind.Anonymous
                    ? new AccessDeniedError(context.Document, ErrorCodes.Unauthenticated,
                        $"Sign in first: {parent?.Name}.{definition.Name} needs the permission {permission}.", field)
                    : new AccessDeniedError(context.Document, ErrorCodes.Forbidden,
                        $"Not allowed: {parent?.Name}.{definition.Name} needs the permission {permission}, which this caller does not have.", field));
            }
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
