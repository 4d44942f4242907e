using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.GraphQL.Errors;
using Minsheng.GraphQL.Transport;
using Minsheng.GraphQL.Types;

namespace Minsheng.GraphQL;

public static class GraphQLServices
{
    public const int MaxDepth = 12;
    // The analyzer assumes every list is long: a plan's projects with their reports and actuals (4 nested
    // lists, in reality ~20 × 12 × 3 rows) scores ~40,000. Depth and the page cap (100) bound the real work.
    public const int MaxComplexity = 100_000;

    public static IServiceCollection AddMinshengGraphQL(this IServiceCollection services, Action<GraphQLEndpointOptions>? configure = null)
    {
        services.AddGraphQL(b => b
            .AddSchema<MinshengSchema>()
            .AddGraphTypes(typeof(MinshengSchema).Assembly)
            // Chinese text stays readable in responses instead of \uXXXX escapes.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Serial, on purpose: the loaders of a level share one connection and one pending batch; the
            // parallel strategy would use them concurrently. Serial still batches each level in one round trip.
            .AddExecutionStrategy(SerialExecutionStrategy.Instance, OperationType.Query)
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = MaxDepth;
                o.MaxComplexity = MaxComplexity;
            })
            .AddErrorInfoProvider<MinshengErrorInfoProvider>());
        var options = new GraphQLEndpointOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<GraphQLEndpoint>();
        return services;
    }

    public static IEndpointConventionBuilder MapMinshengGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.Map(pattern, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http));
}

