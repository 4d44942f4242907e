using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Access;
using Minsheng.Identity.Store;
using Minsheng.Identity.Tokens;
using Minsheng.Identity.Users;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Endpoints;

/// <summary>
/// The token and authorization endpoints. OpenIddict has already checked the protocol (client authentication,
/// PKCE, redirect URIs, scope permissions) when these run; they decide who the token is for and what it says.
/// </summary>
internal static class TokenEndpoints
{
    public static async Task<IResult> TokenAsync(HttpContext http, AccessDbContext db, UserManager<PlatformUser> users, UserPrincipals principals,
        TenantDirectory tenants)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var ct = http.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.DashboardClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
            if (client is null || client.RevokedAt is not null) return Refuse(Errors.InvalidClient, "This client is not registered or was revoked.");
            string? tenantCode = null;
            if (client.TenantId is { } tenantId)
            {
                var tenant = await tenants.FindAsync(tenantId, ct);
                if (tenant is not { Status: "Active" }) return Refuse(Errors.InvalidClient, "The tenant of this client is not active.");
                tenantCode = tenant.Value.Code;
            }
            // Dashboard clients read; OpenIddict already refused a scope the client was not registered for.
            return Results.SignIn(TokenClaims.ForClient(client, tenantCode, TokenClaims.GrantedApiScopes(request.GetScopes(), [ApiScopes.Read])),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(granted.Principal?.GetClaim(Claims.Subject) ?? "");
            var (principal, refusal) = await principals.BuildAsync(user, granted.Principal?.GetScopes() ?? [], ct);
            return principal is null
                ? Refuse(Errors.InvalidGrant, refusal!)
                : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    public static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<PlatformUser> users, UserPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var signedIn = await http.AuthenticateAsync(LoginPage.Scheme);
        if (!signedIn.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            // To the login page, and back here with the same request once signed in.
            var query = http.Request.HasFormContentType ? QueryString.Create(http.Request.Form.Select(f => KeyValuePair.Create(f.Key, f.Value))) : http.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + query }, [LoginPage.Scheme]);
        }
        var user = await users.FindByIdAsync(signedIn.Principal!.GetClaim(Claims.Subject) ?? "");
        var (principal, refusal) = await principals.BuildAsync(user, request.GetScopes(), http.RequestAborted);
        return principal is null
            ? Refuse(Errors.AccessDenied, refusal!)
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(LoginPage.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
