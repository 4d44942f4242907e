using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Minsheng.Tenancy;

namespace Minsheng.Server.Tenancy;

/// <summary>One way of reading a tenant identifier from a request. Strategies run in order; the first that answers wins.</summary>
public interface ITenantResolutionStrategy
{
    /// <summary>The region code the request names, or null when this strategy has nothing to say.</summary>
    string? GetIdentifier(HttpContext context);
}

/// <summary>
/// <c>X-Tenant: 411302</c>. Only in Development: until tokens carry a tenant claim this is how the console
/// and tests pick a tenant; in production it would let anyone choose one.
/// </summary>
public sealed class DevelopmentHeaderStrategy(IHostEnvironment environment) : ITenantResolutionStrategy
{
    public const string HeaderName = "X-Tenant";

    public string? GetIdentifier(HttpContext context) =>
        environment.IsDevelopment() && context.Request.Headers.TryGetValue(HeaderName, out var value) && value.Count > 0
            ? value[0]?.Trim()
            : null;
}

/// <summary>
/// Resolves the tenant once, before any business code, and is the only writer of <see cref="TenantContextHolder"/>.
/// A request that names an unknown tenant gets 404, one that names a disabled (or otherwise inactive) tenant 403;
/// one that names none continues without a tenant and sees nothing tenant-owned.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContextHolder holder, IEnumerable<ITenantResolutionStrategy> strategies, ITenantStore store)
    {
        string? identifier = null;
        foreach (var strategy in strategies)
        {
            identifier = strategy.GetIdentifier(context);
            if (identifier is not null) break;
        }

        if (identifier is null)
        {
            holder.Set(null);
            await next(context);
            return;
        }

        TenantContext? tenant;
        string? inactiveStatus = null;
        try
        {
            tenant = Domain.Regions.Region.IsValidCode(identifier) ? await store.FindByRegionCodeAsync(identifier, context.RequestAborted) : null;
            // Only when no active tenant answered: a second look tells a tenant that exists but is refused from no tenant at all.
            if (tenant is null && Domain.Regions.Region.IsValidCode(identifier))
                inactiveStatus = await store.FindInactiveStatusAsync(identifier, context.RequestAborted);
        }
        catch (Exception e) when (Data.DatabaseFailures.Classify(e) is Data.DatabaseFailure.Unavailable)
        {
            // The tenant cannot be looked up while the database is down: say so (and that retrying may help),
            // rather than fail the request with a 500.
            context.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, GraphQL.Abstractions.ErrorCodes.DatabaseUnavailable,
                "The database is not available at the moment; try again shortly.");
            return;
        }
        if (inactiveStatus is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN",
                inactiveStatus == "Disabled"
                    ? $"Tenant disabled: the tenant with the region code '{identifier}' is disabled; a platform administrator can enable it again."
                    : $"The tenant with the region code '{identifier}' is not active ({inactiveStatus.ToLowerInvariant()}).");
            return;
        }
        if (tenant is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"No tenant has the region code '{identifier}'.");
            return;
        }
        holder.Set(tenant);
        await next(context);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code } } } });
    }
}

public static class TenantResolutionServices
{
    /// <summary>The strategies, in order. Token claim, route and host strategies join with the identity issue.</summary>
    public static IServiceCollection AddTenantResolution(this IServiceCollection services)
    {
        services.AddMinshengTenancy();
        services.AddSingleton<ITenantResolutionStrategy, DevelopmentHeaderStrategy>();
        return services;
    }
}
