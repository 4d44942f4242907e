using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Minsheng.Domain.Access;
using Minsheng.Domain.Regions;
using Minsheng.Identity.Tokens;
using Minsheng.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Server.Tenancy;

/// <summary>One way of reading a tenant identifier from a request that carries no token. The first that answers wins.</summary>
public interface ITenantResolutionStrategy
{
    /// <summary>The region code the request names, or null when this strategy has nothing to say.</summary>
    string? GetIdentifier(HttpContext context);
}

/// <summary>
/// <c>X-Tenant: 411302</c>. Only in Development, and only on a request without a token: a developer's shortcut
/// that acts with every permission. In production it would let anyone choose a tenant, so it says nothing there.
/// With a token the same header may only repeat the token's tenant (or, for a region token, name a tenant below
/// its region); see <see cref="TenantResolutionMiddleware"/>.
/// </summary>
public sealed class DevelopmentHeaderStrategy(IHostEnvironment environment) : ITenantResolutionStrategy
{
    public const string HeaderName = "X-Tenant";

    public string? GetIdentifier(HttpContext context) =>
        environment.IsDevelopment() ? HeaderValue(context) : null;

    public static string? HeaderValue(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var value) && value.Count > 0 ? value[0]?.Trim() : null;
}

/// <summary>
/// Resolves who is calling and for which tenant, once, before any business code; the only writer of
/// <see cref="CallerHolder"/> and <see cref="TenantContextHolder"/>. In order:
/// <list type="number">
/// <item>A bearer token (validated locally by OpenIddict before this runs): its tenant claim is the tenant. A header
/// that names another tenant is FORBIDDEN, never a silent re-scope. A region token (analyst or region client) may
/// name, with <c>X-Tenant</c>, a tenant below its region, and only reads. A token that does not validate, or whose
/// user was disabled or client revoked since, is 401.</item>
/// <item>No token: a resolution strategy (Development's <c>X-Tenant</c>) may name a tenant; the caller is then the
/// developer, with every permission.</item>
/// <item>Otherwise anonymous: shared reference data only.</item>
/// </list>
/// An unknown tenant is 404, a disabled one 403.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContextHolder tenants, CallerHolder callers, IEnumerable<ITenantResolutionStrategy> strategies,
        ITenantStore store)
    {
        string? identifier;
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            // A remembered token comes back as the same principal: what it says is read from its claims once.
            var facts = Facts.GetValue(principal, TokenFacts.Of);
            if (facts.NotBefore > DateTimeOffset.UtcNow.AddMinutes(1))
            {
                // OpenIddict checks the expiry of a token but not its start; a minute of clock skew between instances is allowed.
                await WriteUnauthenticatedAsync(context, "The access token is not valid yet.");
                return;
            }
            var (kind, subject) = (facts.Kind, facts.Subject);
            var revocations = context.RequestServices.GetRequiredService<AccessRevocations>();
            var (refusal, policy) = await revocations.CheckAsync(kind, subject, context.RequestAborted);
            if (refusal is not null)
            {
                await WriteUnauthenticatedAsync(context, refusal);
                return;
            }
            var caller = facts.Caller;
            if (policy is not null)
            {
                // A browser dashboard calls from the origins its client was registered with, and from no other page.
                if (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !policy.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", $"The client '{subject}' is not registered for the origin {origin}.");
                    return;
                }
                caller = caller with { TrustedDocuments = policy.TrustedDocuments, RequestsPerSecond = policy.RequestsPerSecond };
            }
            var tenantClaim = facts.Tenant;
            var header = DevelopmentHeaderStrategy.HeaderValue(context);
            if (tenantClaim is not null)
            {
                if (header is not null && header != tenantClaim)
                {
                    await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN",
                        $"This token is bound to the tenant '{tenantClaim}'; the X-Tenant header cannot choose another.");
                    return;
                }
                identifier = tenantClaim;
            }
            else if (caller.RegionCode is { } region)
            {
                if (header is not null && header != region && !Region.IsWithin(header, region))
                {
                    await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN",
                        $"This token reads the region '{region}'; '{header}' is not below it.");
                    return;
                }
                identifier = header;
            }
            else
            {
                if (header is not null)
                {
                    await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "This token is not bound to any tenant; it cannot choose one.");
                    return;
                }
                identifier = null;
            }
            callers.Set(caller);
        }
        else if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await WriteUnauthenticatedAsync(context, "The access token is missing, expired or invalid.");
            return;
        }
        else
        {
            identifier = strategies.Select(s => s.GetIdentifier(context)).FirstOrDefault(i => i is not null);
            callers.Set(identifier is null ? Caller.Anonymous : Developer);
        }

        if (identifier is null)
        {
            tenants.Set(null);
            await next(context);
            return;
        }
        if (await FindTenantAsync(context, store, identifier) is { } tenant)
        {
            tenants.Set(tenant);
            await next(context);
        }
    }

    private static readonly ConditionalWeakTable<ClaimsPrincipal, TokenFacts> Facts = new();

    /// <summary>What a validated token says, read from its claims once per token.</summary>
    private sealed record TokenFacts(string Kind, string Subject, string? Tenant, DateTimeOffset NotBefore, Caller Caller)
    {
        public static TokenFacts Of(ClaimsPrincipal principal)
        {
            var kind = principal.FindFirstValue(TokenClaims.Kind) ?? "";
            var subject = principal.FindFirstValue(Claims.Subject) ?? "";
            var notBefore = principal.FindFirstValue("nbf") is { } nbf && long.TryParse(nbf, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.MinValue;
            return new TokenFacts(kind, subject, principal.FindFirstValue(TokenClaims.Tenant), notBefore, CallerOf(principal, kind, subject));
        }
    }

    /// <summary>Development without a token: the developer may do anything, as before sign-in existed.</summary>
    private static readonly Caller Developer = new(CallerKind.Developer, "development", Enum.GetValues<Permission>().ToHashSet());

    /// <summary>
    /// The caller a validated token describes. A person's permissions are those of their roles; a client's those of
    /// its scopes; and neither ever more than the token's scopes allow. A region token only reads.
    /// </summary>
    private static Caller CallerOf(ClaimsPrincipal principal, string kind, string subject)
    {
        var scopes = principal.FindAll(Claims.Private.Scope).Select(c => c.Value).ToList();
        var region = principal.FindFirstValue(TokenClaims.Region);
        var permissions = kind == TokenClaims.UserKind
            ? Roles.PermissionsOf(principal.FindAll(Claims.Role).Select(c => c.Value)).ToHashSet()
            : [Permission.ReadTenantData];
        permissions.IntersectWith(ApiScopes.Ceiling(scopes));
        if (region is not null) permissions.IntersectWith([Permission.ReadTenantData]);
        var name = principal.FindFirstValue(Claims.Name) ?? subject;
        return new Caller(kind == TokenClaims.UserKind ? CallerKind.User : CallerKind.Client,
            kind == TokenClaims.UserKind ? $"user:{name}" : $"client:{subject}", permissions)
        {
            RegionCode = region,
            ClientId = principal.FindFirstValue(TokenClaims.ClientId),
            UnitIds = [.. principal.FindAll(TokenClaims.Unit).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)],
        };
    }

    private static async Task<TenantContext?> FindTenantAsync(HttpContext context, ITenantStore store, string identifier)
    {
        TenantContext? tenant;
        string? inactiveStatus = null;
        try
        {
            tenant = Region.IsValidCode(identifier) ? await store.FindByRegionCodeAsync(identifier, context.RequestAborted) : null;
            // Only when no active tenant answered: a second look tells a tenant that exists but is refused from no tenant at all.
            if (tenant is null && Region.IsValidCode(identifier))
                inactiveStatus = await store.FindInactiveStatusAsync(identifier, context.RequestAborted);
        }
        catch (Exception e) when (Data.DatabaseFailures.Classify(e) is Data.DatabaseFailure.Unavailable)
        {
            // The tenant cannot be looked up while the database is down: say so (and that retrying may help),
            // rather than fail the request with a 500.
            context.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, GraphQL.Abstractions.ErrorCodes.DatabaseUnavailable,
                "The database is not available at the moment; try again shortly.");
            return null;
        }
        if (inactiveStatus is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN",
                inactiveStatus == "Disabled"
                    ? $"Tenant disabled: the tenant with the region code '{identifier}' is disabled; a platform administrator can enable it again."
                    : $"The tenant with the region code '{identifier}' is not active ({inactiveStatus.ToLowerInvariant()}).");
            return null;
        }
        if (tenant is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"No tenant has the region code '{identifier}'.");
            return null;
        }
        return tenant;
    }

    private static Task WriteUnauthenticatedAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", message);
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
    /// <summary>The strategies for requests without a token, in order.</summary>
    public static IServiceCollection AddTenantResolution(this IServiceCollection services)
    {
        services.AddMinshengTenancy();
        services.AddSingleton<ITenantResolutionStrategy, DevelopmentHeaderStrategy>();
        return services;
    }
}
