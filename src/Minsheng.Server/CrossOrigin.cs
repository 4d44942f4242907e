namespace Minsheng.Server;

/// <summary>
/// Browser dashboards on other origins: allowed only for the origins listed in Cors:AllowedOrigins
/// (none by default). GraphQL POSTs carry application/json, so browsers preflight them; this answers.
/// </summary>
public static class CrossOrigin
{
    public static IServiceCollection AddDashboardCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Accept", "Authorization", "X-Tenant", "GraphQL-Require-Preflight")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
