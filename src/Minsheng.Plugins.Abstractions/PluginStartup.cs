using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Minsheng.Plugins.Abstractions;

/// <summary>
/// What a plugin registers, once, into the one container, in dependency order. Everything it adds to an extension
/// point is tagged with its id, so the core asks only the plugins a tenant enabled (<see cref="ExtensionPoint{T}"/>).
/// </summary>
public abstract class PluginStartup
{
    public abstract void ConfigureServices(PluginServices services);
}

/// <summary>The container as one plugin sees it while it registers: every addition is tagged with the plugin's id.</summary>
public sealed class PluginServices(IServiceCollection services, PluginManifest plugin)
{
    public IServiceCollection Services => services;

    public PluginManifest Plugin => plugin;

    /// <summary>Implements an extension point of the core; asked only for tenants that enabled this plugin.</summary>
    public PluginServices AddExtension<TPoint, TImplementation>() where TPoint : class where TImplementation : class, TPoint
    {
        services.TryAddSingleton<TImplementation>();
        services.AddSingleton(new PluginExtension<TPoint>(plugin.Id, sp => sp.GetRequiredService<TImplementation>()));
        return this;
    }
}

/// <summary>One plugin's implementation of an extension point.</summary>
public sealed class PluginExtension<T>(string pluginId, Func<IServiceProvider, T> create) where T : class
{
    public string PluginId => pluginId;

    public T Create(IServiceProvider services) => create(services);
}

/// <summary>The plugins enabled for whoever is being served now (the current tenant).</summary>
public interface IEnabledPlugins
{
    IReadOnlySet<string> Current { get; }
}

/// <summary>
/// The one gate through which the core reaches plugin code: the implementations of <typeparamref name="T"/> whose plugin
/// the current tenant enabled, in plugin order. A tenant without the plugin never runs its code.
/// </summary>
public sealed class ExtensionPoint<T>(IEnumerable<PluginExtension<T>> extensions, IServiceProvider services, IEnabledPlugins enabled) where T : class
{
    public IReadOnlyList<T> ForCurrentTenant()
    {
        var current = enabled.Current;
        return current.Count == 0 ? [] : extensions.Where(e => current.Contains(e.PluginId)).Select(e => e.Create(services)).ToList();
    }
}
