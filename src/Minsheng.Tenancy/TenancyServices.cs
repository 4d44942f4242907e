using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.Tenancy;

public static class TenancyServices
{
    /// <summary>The scoped tenant holder and its read-only view; the host decides how a tenant gets into it.</summary>
    public static IServiceCollection AddMinshengTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContextHolder>();
        services.AddScoped<ITenantContextAccessor>(sp => sp.GetRequiredService<TenantContextHolder>());
        services.AddScoped<CallerHolder>();
        services.AddScoped<ICallerAccessor>(sp => sp.GetRequiredService<CallerHolder>());
        return services;
    }
}
