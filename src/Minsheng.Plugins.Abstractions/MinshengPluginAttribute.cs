namespace Minsheng.Plugins.Abstractions;

/// <summary>
/// Declares an assembly a plugin: its stable id (kebab-case, never renamed: tenants store it), its name, version and
/// the ids of the plugins it needs, and the startup that registers what it adds. The host reads this without running
/// any of the plugin's code, orders plugins by their dependencies and refuses to start on a cycle or a missing one.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class MinshengPluginAttribute(string id, string name, string version, Type startup) : Attribute
{
    public string Id => id;
    public string Name => name;
    public string Version => version;
    public Type Startup => startup;

    /// <summary>Ids of the plugins this one needs enabled with it.</summary>
    public string[] DependsOn { get; set; } = [];

    public string? Description { get; set; }

    public PluginManifest ToManifest() => new(Id, Name, Version, DependsOn, Description);
}

/// <summary>A plugin as its manifest describes it.</summary>
public sealed record PluginManifest(string Id, string Name, string Version, IReadOnlyList<string> DependsOn, string? Description = null);
