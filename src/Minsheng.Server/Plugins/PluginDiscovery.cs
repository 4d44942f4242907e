using System.Reflection;
using System.Runtime.Loader;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.Server.Plugins;

/// <summary>
/// Finds the plugins built next to the server (project references of the host: the build copies them; nothing is
/// loaded from elsewhere), reads each one's manifest attribute, orders them by their dependencies and runs each
/// startup once, in that order, into the one container. A cycle, a missing dependency or a malformed manifest stops
/// the server with a message naming the plugins.
/// </summary>
public static class PluginDiscovery
{
    public const string FilePattern = "Minsheng.Plugins.*.dll";

    public static InstalledPlugins AddMinshengPlugins(this IServiceCollection services, string? directory = null)
    {
        var found = Discover(directory ?? AppContext.BaseDirectory);
        var ordered = PluginOrder.Sort(found.Select(f => f.Manifest));
        foreach (var manifest in ordered)
        {
            var (attribute, _) = found.Single(f => f.Manifest.Id == manifest.Id);
            if (!typeof(PluginStartup).IsAssignableFrom(attribute.Startup) || attribute.Startup.GetConstructor(Type.EmptyTypes) is null)
                throw new PluginLoadException($"Plugin '{manifest.Id}': its startup {attribute.Startup.FullName} must be a PluginStartup with a parameterless constructor.");
            var startup = (PluginStartup)Activator.CreateInstance(attribute.Startup)!;
            startup.ConfigureServices(new PluginServices(services, manifest));
        }
        var installed = new InstalledPlugins(ordered);
        services.AddSingleton(installed);
        return installed;
    }

    private static List<(MinshengPluginAttribute Attribute, PluginManifest Manifest)> Discover(string directory)
    {
        var found = new List<(MinshengPluginAttribute, PluginManifest)>();
        foreach (var path in Directory.EnumerateFiles(directory, FilePattern).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == typeof(PluginStartup).Assembly.GetName().Name + ".dll") continue;
            var name = AssemblyName.GetAssemblyName(path);
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name))
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            // An assembly without the attribute is not a plugin (a plugin's own helper library, say).
            if (assembly.GetCustomAttribute<MinshengPluginAttribute>() is { } attribute) found.Add((attribute, attribute.ToManifest()));
        }
        return found;
    }
}
