using Minsheng.Identity.Clients;

namespace Minsheng.Server;

/// <summary>
/// Browser dashboards on other origins: allowed for the origins listed in Cors:AllowedOrigins and for those of every
/// registered dashboard client (a preflight carries no token; the request that follows is refused unless its origin
/// is its own client's). GraphQL POSTs carry application/json, so browsers preflight them; this answers.
/// </summary>
public static class CrossOrigin
{
    public static IServiceCollection AddDashboardCors(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = (configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<DashboardOrigins>((cors, clients) =>
            cors.AddDefaultPolicy(policy => policy
                .SetIsOriginAllowed(origin => configured.Contains(origin) || clients.IsAllowed(origin))
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept", "Authorization", "X-Tenant", "GraphQL-Require-Preflight")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
