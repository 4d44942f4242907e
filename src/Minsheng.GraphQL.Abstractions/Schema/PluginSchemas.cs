using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// The plugin set a schema is being built for. A tenant's schema has exactly the fields of its enabled plugins: the
/// schema for a set is built once, inside this scope, and every plugin-tagged or capability-gated part asks it whether
/// it belongs. Outside any scope (the core schema) nothing of any plugin belongs.
/// </summary>
public static class SchemaPluginScope
{
    private static readonly AsyncLocal<IReadOnlySet<string>?> Current = new();

    public static IDisposable Enter(IReadOnlySet<string> plugins)
    {
        var outer = Current.Value;
        Current.Value = plugins;
        return new Exit(outer);
    }

    /// <summary>Whether the schema being built includes <paramref name="pluginId"/>.</summary>
    public static bool Includes(string pluginId) => Current.Value?.Contains(pluginId) == true;

    private sealed class Exit(IReadOnlySet<string>? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}

/// <summary>A plugin's schema contributor: part of the schemas of the plugin sets that include it.</summary>
public sealed record PluginSchemaContributor(string PluginId, Type ContributorType);

public static class PluginSchemaRegistration
{
    /// <summary>Adds a contributor of this plugin (its root fields, mutations, node types), for tenants that enable it.</summary>
    public static PluginServices AddSchemaContributor<T>(this PluginServices plugin) where T : class, ISchemaContributor
    {
        plugin.Services.TryAddSingleton<T>();
        plugin.Services.AddSingleton(new PluginSchemaContributor(plugin.Plugin.Id, typeof(T)));
        return plugin;
    }

    /// <summary>Adds fields of this plugin to a core type, for tenants that enable it.</summary>
    public static PluginServices AddTypeExtension<TGraphType, TExtension>(this PluginServices plugin)
        where TGraphType : IComplexGraphType where TExtension : class, ITypeExtension<TGraphType>
    {
        plugin.Services.TryAddSingleton<TExtension>();
        var id = plugin.Plugin.Id;
        plugin.Services.AddSingleton<ITypeExtension<TGraphType>>(sp => new PluginTypeExtension<TGraphType>(id, sp.GetRequiredService<TExtension>()));
        return plugin;
    }

    /// <summary>
    /// Adds a core type extension that exists only in schemas whose plugins provide <typeparamref name="TPoint"/>: core
    /// fields over an extension point (a project's categorization, say) are absent for a tenant with no such plugin.
    /// </summary>
    public static IServiceCollection AddTypeExtensionFor<TPoint, TGraphType, TExtension>(this IServiceCollection services)
        where TPoint : class where TGraphType : IComplexGraphType where TExtension : class, ITypeExtension<TGraphType>
    {
        services.TryAddSingleton<TExtension>();
        services.AddSingleton<ITypeExtension<TGraphType>>(sp =>
            new CapabilityTypeExtension<TGraphType, TPoint>(sp.GetRequiredService<TExtension>(), sp.GetServices<PluginExtension<TPoint>>()));
        return services;
    }

    /// <summary>Whether the schema being built includes a plugin that provides <typeparamref name="TPoint"/>.</summary>
    public static bool Provides<TPoint>(this IEnumerable<PluginExtension<TPoint>> providers) where TPoint : class =>
        providers.Any(p => SchemaPluginScope.Includes(p.PluginId));

    private sealed class PluginTypeExtension<T>(string pluginId, ITypeExtension<T> inner) : ITypeExtension<T> where T : IComplexGraphType
    {
        public void Extend(T type)
        {
            if (SchemaPluginScope.Includes(pluginId)) inner.Extend(type);
        }
    }

    private sealed class CapabilityTypeExtension<T, TPoint>(ITypeExtension<T> inner, IEnumerable<PluginExtension<TPoint>> providers) : ITypeExtension<T>
        where T : IComplexGraphType where TPoint : class
    {
        public void Extend(T type)
        {
            if (providers.Provides()) inner.Extend(type);
        }
    }
}
