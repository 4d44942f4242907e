using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// The server's authentication middleware. An API request whose bearer token was validated before
/// (<see cref="ValidatedTokenCache"/>, the common case: a dashboard polling, a clerk filing) gets its user straight from
/// the cache; every other request goes through ASP.NET Core's authentication as it is. That one first offers each request
/// to the request handlers of OpenIddict's server and validation, which look for their own endpoints (never the API's):
/// measured at 3–4 % of the server's CPU (month-end burst, page with lights), for nothing. Whether the user was disabled or the
/// client revoked is checked after this either way (<see cref="AccessRevocations"/>).
/// </summary>
public static class ApiAuthentication
{
    // WebApplication adds ASP.NET Core's authentication middleware in front of the pipeline unless the application says
    // it has added it, by the key UseAuthentication sets; this middleware is that one, with a shortcut.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseMinshengAuthentication(this IApplicationBuilder app, PathString api)
    {
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        var schemes = app.ApplicationServices.GetRequiredService<IAuthenticationSchemeProvider>();
        var cache = app.ApplicationServices.GetRequiredService<ValidatedTokenCache>();
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(next =>
        {
            var standard = new AuthenticationMiddleware(next, schemes);
            return http =>
            {
                if (http.Request.Path.StartsWithSegments(api) && CachedBearerHandler.TokenOf(http.Request) is { } token
                    && cache.TryGet(token, clock.GetUtcNow()) is { } ticket)
                {
                    http.User = ticket.Principal;
                    var authenticated = new Authenticated(AuthenticateResult.Success(ticket));
                    http.Features.Set<IAuthenticateResultFeature>(authenticated);
                    http.Features.Set<IHttpAuthenticationFeature>(authenticated);
                    return next(http);
                }
                return standard.Invoke(http);
            };
        });
    }

    /// <summary>What ASP.NET Core's middleware records of a successful authentication, for whoever asks later.</summary>
    private sealed class Authenticated(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;

        public ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, CachedBearerHandler.SchemeName));
        }
    }
}
