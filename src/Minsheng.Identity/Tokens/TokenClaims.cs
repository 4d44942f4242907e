using System.Security.Claims;
using Minsheng.Domain.Access;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Users;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// What an access token says about its bearer, and how it is built. The API reads these claims on every request
/// without asking the database: the tenant (or region) the bearer is bound to, its roles or scopes, its units.
/// </summary>
public static class TokenClaims
{
    /// <summary>The audience of every access token: the GraphQL API. A token for anything else is refused.</summary>
    public const string Audience = "minsheng-api";

    /// <summary>The region code of the tenant the bearer acts for.</summary>
    public const string Tenant = "tenant";

    /// <summary>The region a region analyst or region client reads below.</summary>
    public const string Region = "region";

    /// <summary>A unit a unit clerk or unit head acts for (one claim per unit).</summary>
    public const string Unit = "unit";

    /// <summary>"user" or "client".</summary>
    public const string Kind = "kind";

    public const string UserKind = "user";
    public const string ClientKind = "client";

    /// <summary>The id of the OAuth client a token was issued to (OpenIddict's presenter claim).</summary>
    public const string ClientId = Claims.Private.Presenter;

    public static ClaimsPrincipal ForUser(PlatformUser user, IEnumerable<string> roles, IEnumerable<Guid> units, string? tenantCode, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetClaim(Kind, UserKind);
        if (tenantCode is not null) identity.SetClaim(Tenant, tenantCode);
        if (user.RegionCode is not null) identity.SetClaim(Region, user.RegionCode);
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetClaims(Unit, [.. units.Select(u => u.ToString())]);
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(DashboardClient client, string? tenantCode, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(Claims.Name, client.Name);
        identity.SetClaim(Kind, ClientKind);
        if (tenantCode is not null) identity.SetClaim(Tenant, tenantCode);
        if (client.RegionCode is not null) identity.SetClaim(Region, client.RegionCode);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "minsheng", nameType: Claims.Name, roleType: Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(Audience);
        // Everything goes into the access token (the API reads it); the identity token gets only who signed in.
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The API scopes a request may be granted (read, write) among those it asked for; none asked: read.</summary>
    public static IReadOnlyList<string> GrantedApiScopes(IEnumerable<string> requested, IEnumerable<string> allowed)
    {
        var asked = requested.ToList();
        var api = asked.Where(s => ApiScopes.All.Contains(s)).ToList();
        if (api.Count == 0) api.Add(ApiScopes.Read);
        return [.. api.Where(allowed.Contains), .. asked.Where(s => s is OpenIddictConstants.Scopes.OpenId or OpenIddictConstants.Scopes.OfflineAccess)];
    }
}
