using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minsheng.Application.Common;
using Minsheng.Application.Importing;
using Minsheng.Application.Indicators;
using Minsheng.Application.Milestones;
using Minsheng.Application.Plans;
using Minsheng.Application.Projects;
using Minsheng.Application.Regions;
using Minsheng.Application.Units;
using Minsheng.Data.Reading;

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
        services.AddScoped<Reports.ReportCommands>();
        services.AddScoped<Reports.ReportingSettings>();
        services.AddScoped<Reports.OverdueReports>();
        services.AddScoped<Reports.ReviewQueue>();
        services.AddScoped<Reports.EvidenceCommands>();
        services.AddScoped<Supervision.ProjectAssessments>();
        services.AddScoped<Supervision.TodaysAssessments>();
        services.AddSingleton<Supervision.StoredAssessmentWriter>();
        // A host that discovers plugins registers what it found first; one that runs none (the CLI) gets none.
        services.TryAddSingleton(new Minsheng.Plugins.Abstractions.InstalledPlugins([]));
        services.AddScoped<Minsheng.Plugins.Abstractions.IEnabledPlugins, Plugins.TenantPlugins>();
        services.AddScoped(typeof(Minsheng.Plugins.Abstractions.ExtensionPoint<>));
        services.AddScoped<Plugins.PluginAdministration>();
        services.AddScoped<Plugins.ProjectCategorizations>();
        services.AddScoped<Plugins.CatalogLinking>();
        services.AddScoped<Plugins.Certifications>();
        services.AddScoped<Plugins.CertificationRules>();
        services.AddScoped<Supervision.StatusDefaults>();
        services.AddScoped<Regions.RegionFigures>();
        services.AddScoped<Supervision.LightHistory>();
        services.AddScoped<Supervision.StatusSettings>();
        services.AddScoped<Supervision.SupervisionNoticeCommands>();
        services.AddScoped<Supervision.SupervisionQueries>();
        services.AddScoped<Supervision.ProjectCloseOut>();
        services.AddScoped<ChangeDecisionCommands>();
        services.AddScoped<Bulletins.BulletinCommands>();
        services.AddScoped<Bulletins.BulletinQueries>();
        services.AddScoped<Disclosure.PublicDisclosure>();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Notifications.Inbox>();
        services.AddScoped<Notifications.ReportReminders>();
        services.AddScoped<Notifications.WebhookCommands>();
        // Hosts replace it with their configuration; without one, the safe defaults.
        services.TryAddSingleton(new Notifications.WebhookOptions());
        services.AddScoped<PlanImportService>();
        services.AddScoped<PlanExportService>();
        services.AddScoped<Tenants.TenantAdministration>();

        services.AddScoped<PlanQueries>();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<Audit.AuditQueries>();
        AddLoaders(services);
        return services;
    }

    /// <summary>
    /// Every concrete loader of this assembly, found by scanning so that a loader added to a concept folder
    /// cannot be forgotten here. Scoped: one cache and one pending batch per request.
    /// </summary>
    private static void AddLoaders(IServiceCollection services)
    {
        foreach (var type in typeof(ApplicationServices).Assembly.GetTypes())
        {
            // A loader without a public constructor is made by a service of its own (one per day, say), not resolved.
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && IsBatchLoader(type) && type.GetConstructors().Length > 0)
                services.AddScoped(type);
        }
    }

    private static bool IsBatchLoader(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(BatchLoader<,>)) return true;
        }
        return false;
    }
}
