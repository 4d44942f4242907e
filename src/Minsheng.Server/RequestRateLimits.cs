using System.Threading.RateLimiting;
using Minsheng.Tenancy;

namespace Minsheng.Server;

/// <summary>The RateLimits section: a token bucket per tenant, and one per client address for requests without a tenant.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Unset: on outside Development (a local console, tests and the benchmark are not throttled).</summary>
    public bool? Enabled { get; set; }

    /// <summary>Sustained GraphQL requests per second of one tenant (a county's staff and its dashboards together).</summary>
    public int PerTenantPerSecond { get; set; } = 100;

    /// <summary>How far above the sustained rate a tenant may burst.</summary>
    public int PerTenantBurst { get; set; } = 200;

    /// <summary>Requests per second of one address that names no tenant (public, unauthenticated traffic).</summary>
    public int AnonymousPerSecond { get; set; } = 20;

    public int AnonymousBurst { get; set; } = 40;

    /// <summary>Requests per second of one dashboard client that sets no rate of its own (burst: twice that).</summary>
    public int PerClientPerSecond { get; set; } = 20;
}

/// <summary>
/// Rate limits on the GraphQL endpoint, per tenant: one county's load (or a runaway dashboard) cannot take the
/// server from the others; and per dashboard client. Runs after tenant and caller resolution, so the buckets are
/// the resolved tenant's and client's. A refused request gets 429 with Retry-After and a GraphQL error coded RATE_LIMITED.
/// </summary>
public static class RequestRateLimits
{
    public const string Code = "RATE_LIMITED";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (!(options.Enabled ?? !environment.IsDevelopment())) return services;
        services.AddRateLimiter(limiter =>
        {
            // Both buckets must have room: a tenant's (its staff and all its dashboards together) and, for a dashboard
            // client, the client's own, so one runaway dashboard cannot spend its tenant's whole budget.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ClientPartition(http, options)));
            limiter.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsJsonAsync(new
                {
                    errors = new[] { new { message = $"Too many requests; try again in {retryAfter} s.", extensions = new { code = Code } } },
                }, ct);
            };
        });
        services.AddSingleton(options);
        return services;
    }

    /// <summary>After tenant resolution, before the GraphQL endpoint. A no-op when the limits are off.</summary>
    public static IApplicationBuilder UseRequestRateLimits(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<RateLimitOptions>() is null ? app : app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions options)
    {
        // Health probes and CORS preflights are never throttled: a load balancer must always see the truth.
        if (!http.Request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase) || HttpMethods.IsOptions(http.Request.Method))
            return RateLimitPartition.GetNoLimiter("unlimited");
        if (http.RequestServices.GetService<ITenantContextAccessor>()?.Current is { } tenant)
            return RateLimitPartition.GetTokenBucketLimiter("tenant:" + tenant.TenantId, _ => Bucket(options.PerTenantPerSecond, options.PerTenantBurst));
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter("address:" + address, _ => Bucket(options.AnonymousPerSecond, options.AnonymousBurst));
    }

    private static RateLimitPartition<string> ClientPartition(HttpContext http, RateLimitOptions options)
    {
        if (!http.Request.Path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase)
            || http.RequestServices.GetService<ICallerAccessor>()?.Current is not { Kind: CallerKind.Client } client)
            return RateLimitPartition.GetNoLimiter("no-client");
        var perSecond = client.RequestsPerSecond ?? options.PerClientPerSecond;
        // The rate is part of the key: a changed setting starts a bucket of the new size.
        return RateLimitPartition.GetTokenBucketLimiter($"client:{client.ActorId}:{perSecond}", _ => Bucket(perSecond, perSecond * 2));
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, 1),
        TokensPerPeriod = Math.Max(perSecond, 1),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
