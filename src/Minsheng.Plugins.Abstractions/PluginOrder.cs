namespace Minsheng.Plugins.Abstractions;

/// <summary>Why the plugins found cannot be started: the host stops with this message.</summary>
public sealed class PluginLoadException(string message) : Exception(message);

public static class PluginOrder
{
    /// <summary>
    /// The plugins ordered so that each comes after the plugins it depends on (ties by id, so the order is the same on
    /// every start). Refuses two plugins with one id, a dependency no plugin provides, and a cycle, naming them.
    /// </summary>
    public static IReadOnlyList<PluginManifest> Sort(IEnumerable<PluginManifest> plugins)
    {
        var byId = new Dictionary<string, PluginManifest>(StringComparer.Ordinal);
        foreach (var plugin in plugins)
        {
            if (!IsValidId(plugin.Id)) throw new PluginLoadException($"Plugin id '{plugin.Id}' is not kebab-case (a-z, 0-9 and '-').");
            if (!byId.TryAdd(plugin.Id, plugin)) throw new PluginLoadException($"Two plugins have the id '{plugin.Id}'.");
        }
        foreach (var plugin in byId.Values)
            foreach (var dependency in plugin.DependsOn)
                if (!byId.ContainsKey(dependency))
                    throw new PluginLoadException($"Plugin '{plugin.Id}' depends on '{dependency}', which is not installed.");

        var ordered = new List<PluginManifest>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: placed
        foreach (var id in byId.Keys.Order(StringComparer.Ordinal)) Visit(id, []);
        return ordered;

        void Visit(string id, List<string> path)
        {
            if (state.TryGetValue(id, out var placed))
            {
                if (placed) return;
                var cycle = path.SkipWhile(p => p != id).Append(id);
                throw new PluginLoadException($"Plugins depend on each other in a cycle: {string.Join(" → ", cycle)}.");
            }
            state[id] = false;
            path.Add(id);
            foreach (var dependency in byId[id].DependsOn.Order(StringComparer.Ordinal)) Visit(dependency, path);
            path.RemoveAt(path.Count - 1);
            state[id] = true;
            ordered.Add(byId[id]);
        }
    }

    /// <summary>The plugins an enabled set needs besides itself (its dependencies, transitively), missing from it.</summary>
    public static IReadOnlyList<string> MissingDependencies(IReadOnlyCollection<string> enabled, IReadOnlyDictionary<string, PluginManifest> installed) =>
        enabled.Where(installed.ContainsKey).SelectMany(id => installed[id].DependsOn).Where(d => !enabled.Contains(d)).Distinct().Order(StringComparer.Ordinal).ToList();

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 50 && id[0] is >= 'a' and <= 'z' && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && !id.EndsWith('-');
}

/// <summary>The plugins this server runs, in dependency order (each after what it depends on).</summary>
public sealed class InstalledPlugins(IReadOnlyList<PluginManifest> ordered)
{
    public IReadOnlyList<PluginManifest> Ordered => ordered;

    public IReadOnlyDictionary<string, PluginManifest> ById { get; } = ordered.ToDictionary(p => p.Id, StringComparer.Ordinal);

    /// <summary>The installed plugins of an enabled set, in plugin order (ids no longer installed are left out).</summary>
    public IReadOnlyList<string> Of(IEnumerable<string> enabled)
    {
        var set = enabled.ToHashSet(StringComparer.Ordinal);
        return ordered.Where(p => set.Contains(p.Id)).Select(p => p.Id).ToList();
    }
}
