using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minsheng.Application.Commands;
using Minsheng.Application.Reading;

namespace Minsheng.Application;

public static class ApplicationServices
{
    public static IServiceCollection AddMinshengApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ActorAccessor>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<PlanCommands>();
        services.AddScoped<ProjectCommands>();
        services.AddScoped<IndicatorCommands>();
        services.AddScoped<MilestoneCommands>();
        services.AddScoped<UnitCommands>();
        services.AddScoped<Importing.PlanImportService>();
        services.AddScoped<Importing.PlanExportService>();

        services.AddScoped<ProjectQueries>();
        services.AddScoped<DirectoryQueries>();
        // Loaders are scoped: one cache and one pending batch per request.
        services.AddScoped<PlanByIdLoader>();
        services.AddScoped<ProjectByIdLoader>();
        services.AddScoped<UnitByIdLoader>();
        services.AddScoped<IndicatorByIdLoader>();
        services.AddScoped<MilestoneByIdLoader>();
        services.AddScoped<ReportByIdLoader>();
        services.AddScoped<IndicatorsByProjectLoader>();
        services.AddScoped<MilestonesByProjectLoader>();
        services.AddScoped<SubItemsByProjectLoader>();
        services.AddScoped<ProjectsByPlanLoader>();
        services.AddScoped<ActualsByReportLoader>();
        services.AddScoped<ReportsByProjectLoader>();
        services.AddScoped<UnitsByProjectLoader>();
        services.AddScoped<LatestReportByProjectLoader>();
        return services;
    }
}
