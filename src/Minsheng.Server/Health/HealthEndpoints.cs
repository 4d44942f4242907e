using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Minsheng.Data.Health;

namespace Minsheng.Server.Health;

/// <summary>
/// <c>/health/live</c>: the process is up and serving HTTP (no database call; a restart would not help when the
/// database is down). <c>/health/ready</c>: the database is reachable and migrated to this build (503 otherwise).
/// <c>/health</c> is the same as ready, so a load balancer or script polling it sends no traffic to a server
/// that cannot answer. Every answer is JSON: <c>{"status":"ok"|"unavailable","checks":{…}}</c>.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IServiceCollection AddMinshengHealthChecks(this IServiceCollection services)
    {
        // The timeout keeps a probe from hanging on an unreachable host for the whole connection timeout.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static void MapMinshengHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        // Migration names tell which build a server runs: named in Development, counted elsewhere (the endpoint is public).
        var nameMigrations = http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = Status(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = Status(e.Value.Status),
                description = e.Value.Description ?? (e.Value.Exception is not null ? "The check failed or timed out." : null),
                pendingMigrations = e.Value.Data.TryGetValue("pendingMigrations", out var pending)
                    ? nameMigrations ? pending : (pending as System.Collections.ICollection)?.Count
                    : null,
            }),
        }, Json, http.RequestAborted);
    }

    private static string Status(HealthStatus status) => status == HealthStatus.Healthy ? "ok" : "unavailable";
}

/// <summary>Runs <see cref="DatabaseReadiness"/> for the ready endpoints.</summary>
public sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await readiness.CheckAsync(cancellationToken);
        return report.Ready
            ? HealthCheckResult.Healthy("The database is reachable and migrated.")
            : new HealthCheckResult(context.Registration.FailureStatus, report.Problem,
                data: report.PendingMigrations.Count > 0 ? new Dictionary<string, object> { ["pendingMigrations"] = report.PendingMigrations } : null);
    }
}
