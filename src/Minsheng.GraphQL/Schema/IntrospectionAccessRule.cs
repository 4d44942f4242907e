using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Hosting;

namespace Minsheng.GraphQL.Schema;

/// <summary>
/// Introspection (<c>__schema</c>, <c>__type</c>) for authenticated callers only, outside Development: the schema
/// tells an attacker every field to try. In Development it stays open for tools. Any valid token counts as
/// authenticated (a dashboard developer introspects with its client's token); <c>__typename</c> is always allowed
/// (clients rely on it).
/// </summary>
public sealed class IntrospectionAccessRule(IHostEnvironment environment) : IValidationRule
{
    private static readonly NoIntrospectionValidationRule Refuse = NoIntrospectionValidationRule.Instance;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        environment.IsDevelopment() || context.User?.Identity?.IsAuthenticated == true
            ? ValueTask.FromResult<INodeVisitor?>(null)
            : Refuse.GetPreNodeVisitorAsync(context);

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => ValueTask.FromResult<IVariableVisitor?>(null);

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => ValueTask.FromResult<INodeVisitor?>(null);
}
