using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// The GraphQL endpoint's traces and metrics, under one name for both. A span per execution (inside ASP.NET Core's
/// request span, around Npgsql's statement spans) names the operation, its type and its outcome; the metrics count
/// executions by outcome with their duration, and the response cache's hits and misses. Without a listener (no
/// OpenTelemetry configured) StartActivity returns null and Record does nothing: the hot path pays nothing.
/// </summary>
public static class GraphQLTelemetry
{
    public const string Name = "Minsheng.GraphQL";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> ExecutionDuration = Meter.CreateHistogram<double>(
        "minsheng.graphql.execution.duration", unit: "s", description: "Time to execute a GraphQL operation, by operation type and outcome.");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "minsheng.graphql.response_cache.lookups", description: "Persisted documents asked with GET, by whether the cached answer stood (hit) or the operation ran (miss).");

    /// <summary>Whether anyone records spans: the operation's name is looked up only then.</summary>
    public static bool Tracing => Source.HasListeners();

    /// <summary>The span of one execution: named by its operation, as the OpenTelemetry GraphQL conventions do.</summary>
    public static Activity? StartExecution(string? operationType, string? operationName)
    {
        var activity = Source.StartActivity(operationName is { Length: > 0 } ? $"{operationType ?? "query"} {operationName}" : operationType ?? "query");
        if (activity is null) return null;
        activity.SetTag("graphql.operation.type", operationType ?? "query");
        if (operationName is { Length: > 0 }) activity.SetTag("graphql.operation.name", operationName);
        return activity;
    }

    /// <summary>Closes an execution: its outcome on the span (errors mark it failed, with their codes) and in the metrics.</summary>
    public static void EndExecution(Activity? activity, long startTimestamp, string? operationType, bool executed, IReadOnlyCollection<string> errorCodes)
    {
        var outcome = !executed ? "refused" : errorCodes.Count > 0 ? "errors" : "ok";
        if (activity is not null)
        {
            activity.SetTag("minsheng.graphql.outcome", outcome);
            if (errorCodes.Count > 0)
            {
                activity.SetTag("minsheng.graphql.error_codes", string.Join(",", errorCodes.Distinct()));
                activity.SetStatus(ActivityStatusCode.Error);
            }
            activity.Dispose();
        }
        if (ExecutionDuration.Enabled)
            ExecutionDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
                new KeyValuePair<string, object?>("graphql.operation.type", operationType ?? "query"), new KeyValuePair<string, object?>("outcome", outcome));
    }

    public static void CacheLookup(bool hit)
    {
        CacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
        Activity.Current?.SetTag("minsheng.response_cache", hit ? "hit" : "miss");
    }
}
