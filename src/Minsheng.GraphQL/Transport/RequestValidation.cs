using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minsheng.GraphQL.Abstractions;
using Minsheng.GraphQL.Schema;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// What a caller may run, as far as validation decides it: the permissions its fields need (FieldAccessRule) and whether
/// it may introspect (IntrospectionAccessRule). Two callers with the same access get the same verdict on a document.
/// </summary>
internal readonly record struct CallerAccess(ulong Permissions, bool Authenticated)
{
    public static CallerAccess Of(HttpContext http)
    {
        var caller = http.RequestServices.GetService<ICallerAccessor>()?.Current ?? Caller.Anonymous;
        var permissions = 0UL;
        foreach (var permission in caller.Permissions) permissions |= 1UL << (int)permission;
        // Anonymous or not also decides the error code of a refusal; a verdict is only remembered when it allows.
        return new CallerAccess(permissions, http.User.Identity?.IsAuthenticated == true || caller.IsAuthenticated);
    }
}

/// <summary>
/// The validation rules a request runs. A document is checked against the whole GraphQL specification once per schema;
/// after that only the rules that depend on the caller or the variables run (depth and complexity, who may introspect,
/// who may select each field), and not even those once the document passed them for the same schema and caller access
/// without variables: then nothing about the request can change the verdict. Measured on the page with lights: the
/// per-request walks took about 5 % of the server's time.
/// </summary>
public sealed class RequestValidation
{
    private readonly IValidationRule[] _perRequest;
    private readonly IValidationRule[] _all;

    public RequestValidation(IHostEnvironment environment)
    {
        var complexity = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = GraphQLServices.MaxDepth,
            MaxComplexity = GraphQLServices.MaxComplexity,
        });
        _perRequest = [complexity, new IntrospectionAccessRule(environment), FieldAccessRule.Instance];
        _all = [.. DocumentValidator.CoreRules, .. _perRequest];
    }

    /// <summary>Every rule: for a document not yet validated against the schema.</summary>
    public IEnumerable<IValidationRule> All => _all;

    /// <summary>The rules whose verdict depends on the caller or the variables.</summary>
    public IEnumerable<IValidationRule> PerRequest => _perRequest;
}
