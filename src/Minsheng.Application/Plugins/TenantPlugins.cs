using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Application.Indicators;
using Minsheng.Application.Projects;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Plugins.Abstractions;
using Minsheng.Tenancy;

namespace Minsheng.Application.Plugins;

/// <summary>The installed plugins the current tenant enabled (none without a tenant).</summary>
public sealed class TenantPlugins(ITenantContextAccessor tenant, InstalledPlugins installed) : IEnabledPlugins
{
    private IReadOnlySet<string>? _current;

    public IReadOnlySet<string> Current => _current ??= tenant.Current is { } t
        ? installed.Of(t.EnabledPlugins).ToHashSet(StringComparer.Ordinal)
        : new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>An installed plugin as a tenant administrator sees it.</summary>
public sealed record PluginRow(PluginManifest Manifest, bool Enabled);

/// <summary>
/// Which plugins a tenant runs, set by its administrator. A plugin comes with the plugins it depends on or not at all,
/// and one that an enabled plugin depends on cannot be left out; the change is audited, and the tenant's requests
/// see it at once on this instance (the tenant cache is cleared) and within a minute on others.
/// </summary>
public sealed class PluginAdministration(UnitOfWork uow, ITenantContextAccessor tenant, InstalledPlugins installed, CachedTenantStore tenants)
{
    public IReadOnlyList<PluginRow> List()
    {
        var enabled = tenant.Current?.EnabledPlugins ?? [];
        return installed.Ordered.Select(p => new PluginRow(p, enabled.Contains(p.Id, StringComparer.Ordinal))).ToList();
    }

    public async Task<IReadOnlyList<PluginRow>> SetEnabledAsync(IReadOnlyList<string> enabled, CancellationToken ct)
    {
        if (enabled.FirstOrDefault(id => !installed.ById.ContainsKey(id)) is { } unknown)
            throw DomainException.Invalid("enabled", $"No plugin '{unknown}' is installed on this server; installed: {string.Join(", ", installed.Ordered.Select(p => p.Id))}.");
        var set = enabled.ToHashSet(StringComparer.Ordinal);
        if (PluginOrder.MissingDependencies(set, installed.ById) is [_, ..] missing)
            throw DomainException.Invalid("enabled", $"Enable {string.Join(", ", missing)} as well: {string.Join(", ", set.Where(id => installed.ById[id].DependsOn.Any(missing.Contains)))} depends on it.");
        var ordered = installed.Of(set).ToArray();
        await uow.RunAsync(async db =>
        {
            var current = await db.Tenants.SingleAsync(t => t.Id == tenant.Current!.TenantId, ct);
            var before = new { Plugins = current.EnabledPlugins };
            current.EnabledPlugins = ordered;
            uow.Audit("configure", "Plugins", current.Id, before, new { Plugins = ordered });
            return 0;
        }, ct);
        tenants.Invalidate();
        return installed.Ordered.Select(p => new PluginRow(p, set.Contains(p.Id))).ToList();
    }
}

/// <summary>
/// A project's categorization by the tenant's plugins (the first that has an opinion), and the task catalogs of the
/// tenant's plugins for a year. Without such a plugin there is nothing to ask, and the schema has no field asking.
/// </summary>
public sealed class ProjectCategorizations(ExtensionPoint<IProjectClassifier> classifiers, ExtensionPoint<ITaskCatalog> catalogs)
{
    public ProjectCategorization? Categorize(ProjectRow project, int year, IReadOnlyList<IndicatorRow> targets) =>
        Categorize(project.Name, project.Content, year, targets.Select(t => (t.Label, (decimal?)t.TargetValue, (string?)t.Unit)).ToList());

    /// <summary>The same for a project not stored yet (a document being imported).</summary>
    public ProjectCategorization? Categorize(string name, string? content, int year, IReadOnlyList<(string Label, decimal? Value, string? Unit)> targets)
    {
        var facts = new ClassifiedProject(name, content, year, targets.Select(t => new ClassifiedTarget(t.Label, t.Value, t.Unit)).ToList());
        foreach (var classifier in classifiers.ForCurrentTenant())
            if (classifier.Classify(facts) is { } categorization) return categorization;
        return null;
    }

    public IReadOnlyList<CatalogTask> CatalogFor(int year) => catalogs.ForCurrentTenant().SelectMany(c => c.TasksFor(year)).ToList();
}
