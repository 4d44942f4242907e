using Microsoft.Extensions.Logging.Console;
using Minsheng.GraphQL.Transport;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Minsheng.Server.Operations;

/// <summary>
/// What an operator watches the server with. Traces and metrics go over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT names a
/// collector: ASP.NET Core's requests, each GraphQL execution (GraphQLTelemetry) and
/// every Npgsql statement in one trace; request, GraphQL, cache, connection-pool and runtime metrics. Without an endpoint
/// nothing is registered, so nothing is collected. The standard OTEL_* variables (protocol, headers, service name,
/// batch delay) apply as the SDK defines them. Logs: the JSON console formatter (Logging:Console:FormatterName=json,
/// as the image sets) writes each line with its scopes, which carry the request's TraceId and SpanId — the same ids
/// the traces have, so a log line leads to its trace.
/// </summary>
public static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddMinshengTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        // The exporter reads the endpoint, protocol and headers from the same configuration (environment or settings).
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable])) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? "minsheng",
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                // Probes every few seconds from every orchestrator would drown the requests worth looking at.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource(GraphQLTelemetry.Name)
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(GraphQLTelemetry.Name)
                .AddNpgsqlInstrumentation()
                // The runtime's own meter (GC, heap, thread pool): memory over time without another package.
                .AddMeter("System.Runtime")
                .AddOtlpExporter());
        return services;
    }
}
