using System.Collections.Concurrent;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.GraphQL.Schema;

/// <summary>
/// One schema per set of enabled plugins: a tenant is served, and introspects, exactly the core plus its plugins'
/// fields. The core schema (no plugins) is the container's; each other set's is built once, on first use, inside
/// <see cref="SchemaPluginScope"/> so that only its plugins' contributors and extensions take part. A handful of
/// plugin profiles means a handful of schemas.
/// </summary>
public sealed class TenantSchemas(IServiceProvider services, ISchema core, IEnumerable<ISchemaContributor> contributors,
    IEnumerable<PluginSchemaContributor> pluginContributors, InstalledPlugins installed)
{
    private readonly ConcurrentDictionary<string, Lazy<ISchema>> _bySet = new(StringComparer.Ordinal);

    public ISchema Core => core;

    public ISchema For(IEnumerable<string> enabledPlugins)
    {
        // Most tenants run no plugin: the core schema, with nothing to work out on the request's path.
        if (enabledPlugins is IReadOnlyCollection<string> { Count: 0 }) return core;
        var set = installed.Of(enabledPlugins);
        if (set.Count == 0) return core;
        return _bySet.GetOrAdd(string.Join(',', set), _ => new Lazy<ISchema>(() => Build(set))).Value;
    }

    private ISchema Build(IReadOnlyList<string> plugins)
    {
        var ids = plugins.ToHashSet(StringComparer.Ordinal);
        using var scope = SchemaPluginScope.Enter(ids);
        var all = contributors.Concat(pluginContributors.Where(p => ids.Contains(p.PluginId))
            .Select(p => (ISchemaContributor)services.GetRequiredService(p.ContributorType)));
        var schema = new MinshengSchema(services, all);
        // Built here, inside the scope: the types and their extensions are created as the schema initializes.
        schema.Initialize();
        return schema;
    }
}
