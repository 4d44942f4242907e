using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minsheng.Domain.Access;
using Minsheng.GraphQL.Abstractions;
using Microsoft.Extensions.Hosting;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Endpoints;
using Minsheng.Identity.Keys;
using Minsheng.Identity.Store;
using Minsheng.Identity.Tokens;
using Minsheng.Identity.Users;
using Npgsql;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity;

/// <summary>The Identity section.</summary>
public sealed class IdentitySettings
{
    /// <summary>The issuer every instance puts in its tokens (the public base URL). Unset: the request's own URL, fine for one instance.</summary>
    public string? Issuer { get; set; }

    /// <summary>Unset: required outside Development. Behind a TLS-terminating proxy, forward the scheme instead of turning this off.</summary>
    public bool? RequireHttps { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a refresh token that was already used may be used again (for a client that refreshed twice at once).
    /// Zero: a refresh token works once, and presenting a used one revokes the tokens issued from it.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Where the console may be sent back to after sign-in (its callback URLs).</summary>
    public string[] ConsoleRedirectUris { get; set; } = ["http://localhost:5080/callback", "http://localhost:5173/callback"];

    /// <summary>Failed sign-ins in a row before an account is locked, and for how long.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

public static class IdentityServices
{
    /// <summary>
    /// Users and roles, the OpenIddict server (authorization code + PKCE for the console, client credentials for
    /// dashboards, refresh tokens) and its local validation as the API's default authentication. Keys come from
    /// PostgreSQL (<see cref="TokenKeyStore"/>), so instances accept each other's tokens.
    /// </summary>
    public static IServiceCollection AddMinshengIdentity(this IServiceCollection services, IdentitySettings settings, TokenKeys keys, bool isDevelopment)
    {
        services.AddSingleton(settings);
        services.AddMinshengUserAdministration(settings);
        services.AddDataProtection().SetApplicationName("minsheng").PersistKeysToDbContext<AccessDbContext>();
        services.AddAntiforgery();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddAuthentication(CachedBearerHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CachedBearerHandler>(CachedBearerHandler.SchemeName, null)
            .AddCookie(LoginPage.Scheme, o =>
            {
                o.LoginPath = LoginPage.Path;
                o.Cookie.Name = "minsheng.signin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        var requireHttps = settings.RequireHttps ?? !isDevelopment;
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AccessDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess, ApiScopes.Read, ApiScopes.Write);
                o.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                // Signed, not encrypted: the API validates access tokens locally and cheaply; they carry nothing secret.
                o.DisableAccessTokenEncryption();
                o.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(settings.RefreshTokenReuseLeeway);
                if (settings.Issuer is { Length: > 0 } issuer) o.SetIssuer(new Uri(issuer));
                var aspNet = o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                // The server's own keys and issuer, in process: no discovery fetch, no database per request.
                o.UseLocalServer();
                o.AddAudiences(TokenClaims.Audience);
                o.UseAspNetCore();
            });

        services.AddScoped<UserPrincipals>();
        services.AddSingleton<TenantDirectory>();
        services.AddScoped<DashboardClients>();
        services.AddSingleton<DashboardOrigins>();
        services.AddHostedService<ConsoleClientRegistration>();
        services.AddSingleton<TokenPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruning>());

        services.AddSchemaContributor<GraphQL.AccessContributor>();
        foreach (var type in typeof(GraphQL.AccessContributor).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(global::GraphQL.Types.IGraphType).IsAssignableFrom(t)))
            services.AddTransient(type);
        return services;
    }

    /// <summary>
    /// The user store and its administration: part of <see cref="AddMinshengIdentity"/>, and all that tools without a
    /// token server need (the CLI creates the first administrators of an installation with it).
    /// </summary>
    public static IServiceCollection AddMinshengUserAdministration(this IServiceCollection services, IdentitySettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AccessDbContext>((sp, db) => AccessDatabase.Configure(db, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentityCore<PlatformUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccessDbContext>();
        services.AddSingleton<AccessRevocations>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    public static IEndpointRouteBuilder MapMinshengIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/token", ["POST"], (Delegate)TokenEndpoints.TokenAsync).DisableAntiforgery();
        endpoints.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)TokenEndpoints.AuthorizeAsync).DisableAntiforgery();
        endpoints.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)TokenEndpoints.LogoutAsync).DisableAntiforgery();
        endpoints.MapGet(LoginPage.Path, (Delegate)LoginPage.Show);
        endpoints.MapPost(LoginPage.Path, (Delegate)LoginPage.SubmitAsync).DisableAntiforgery();
        return endpoints;
    }
}
