using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.GraphQL.Errors;
using Minsheng.GraphQL.Importing;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Milestones;
using Minsheng.GraphQL.Plans;
using Minsheng.GraphQL.Projects;
using Minsheng.GraphQL.Regions;
using Minsheng.GraphQL.Reports;
using Minsheng.GraphQL.Schema;
using Minsheng.GraphQL.Tenants;
using Minsheng.GraphQL.Transport;
using Minsheng.GraphQL.Units;

namespace Minsheng.GraphQL;

public static class GraphQLServices
{
    public const int MaxDepth = 12;
    // The analyzer assumes every list is long: a plan's projects with their reports and actuals (4 nested
    // lists, in reality ~20 × 12 × 3 rows) scores ~40,000. Depth and the page cap (100) bound the real work;
    // the endpoint caps root fields and expanded selections before this runs (DocumentLimits).
    public const int MaxComplexity = 100_000;

    public static IServiceCollection AddMinshengGraphQL(this IServiceCollection services, Action<GraphQLEndpointOptions>? configure = null)
    {
        services.AddGraphQL(b => b
            .AddSchema<MinshengSchema>()
            .AddGraphTypes(typeof(MinshengSchema).Assembly)
            .AddGraphTypes(typeof(ISchemaContributor).Assembly)
            // Chinese text stays readable in responses instead of \uXXXX escapes.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Serial, on purpose (see QueryExecutionStrategy).
            .AddExecutionStrategy(QueryExecutionStrategy.Instance, OperationType.Query)
            // Validation rules (the specification's, depth and complexity, who may introspect, who may select each field)
            // are chosen per request by the endpoint: RequestValidation.
            .AddErrorInfoProvider<MinshengErrorInfoProvider>());

        // The core concepts, in the order their fields appear in the schema. A plugin adds its own the same way.
        services.AddSchemaContributor<TenantsContributor>();
        services.AddSchemaContributor<PlansContributor>();
        services.AddSchemaContributor<ProjectsContributor>();
        services.AddSchemaContributor<IndicatorsContributor>();
        services.AddSchemaContributor<MilestonesContributor>();
        services.AddSchemaContributor<UnitsContributor>();
        services.AddSchemaContributor<ReportsContributor>();
        services.AddTypeExtension<ProgressReportType, ReportEvidenceFields>();
        services.AddSchemaContributor<RegionsContributor>();
        services.AddSchemaContributor<ImportingContributor>();
        services.AddSchemaContributor<Supervision.SupervisionContributor>();
        services.AddTypeExtension<ProjectType, Supervision.ProjectAssessmentFields>();
        services.AddTypeExtension<ProjectType, Supervision.ProjectNoticeFields>();
        services.AddSchemaContributor<ChangeControl.ChangeControlContributor>();
        services.AddTypeExtension<ProjectType, ChangeControl.ProjectChangeFields>();
        services.AddSchemaContributor<Bulletins.BulletinsContributor>();
        services.AddSchemaContributor<Disclosure.DisclosureContributor>();
        services.AddSchemaContributor<Notifications.NotificationsContributor>();
        services.AddSchemaContributor<Audit.AuditContributor>();
        services.AddSchemaContributor<Plugins.PluginsContributor>();
        // Core fields over plugin extension points: in a tenant's schema only when one of its plugins provides them.
        services.AddSchemaContributor<Plugins.TaskCatalogContributor>();
        services.AddSchemaContributor<Plugins.CatalogCountingContributor>();
        services.AddSchemaContributor<Plugins.CertificationContributor>();
        services.AddTypeExtensionFor<Minsheng.Plugins.Abstractions.ICertificationPolicy, Indicators.IndicatorType, Plugins.IndicatorCertificationFields>();
        services.AddTypeExtensionFor<Minsheng.Plugins.Abstractions.IProjectClassifier, ProjectType, Plugins.ProjectCategorizationFields>();
        services.AddTypeExtensionFor<Minsheng.Plugins.Abstractions.IProjectClassifier, ImportPlanPayloadType, Plugins.ImportCategorizationFields>();

        var options = new GraphQLEndpointOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<AutomaticPersistedQueries>();
        services.AddSingleton<TenantSchemas>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<RequestValidation>();
        services.AddSingleton<GraphQLEndpoint>();
        return services;
    }

    public static IEndpointConventionBuilder MapMinshengGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.Map(pattern, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http));
}
