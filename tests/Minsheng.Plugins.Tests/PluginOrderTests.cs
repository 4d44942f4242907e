using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.Tests;

public sealed class PluginOrderTests
{
    private static PluginManifest P(string id, params string[] dependsOn) => new(id, id, "1.0.0", dependsOn);

    [Fact]
    public void Plugins_come_after_what_they_depend_on_in_the_same_order_every_time()
    {
        var sorted = PluginOrder.Sort([P("statistics-bureau", "henan"), P("henan"), P("alpha", "statistics-bureau")]);
        var again = PluginOrder.Sort([P("alpha", "statistics-bureau"), P("henan"), P("statistics-bureau", "henan")]);

        Assert.Equal(["henan", "statistics-bureau", "alpha"], sorted.Select(p => p.Id));
        Assert.Equal(sorted.Select(p => p.Id), again.Select(p => p.Id));
    }

    [Fact]
    public void A_missing_dependency_a_cycle_a_duplicate_and_a_bad_id_stop_the_start_naming_the_plugins()
    {
        var missing = Assert.Throws<PluginLoadException>(() => PluginOrder.Sort([P("statistics-bureau", "henan")]));
        var cycle = Assert.Throws<PluginLoadException>(() => PluginOrder.Sort([P("a", "b"), P("b", "c"), P("c", "a"), P("d")]));
        var self = Assert.Throws<PluginLoadException>(() => PluginOrder.Sort([P("a", "a")]));
        var twice = Assert.Throws<PluginLoadException>(() => PluginOrder.Sort([P("henan"), P("henan")]));
        var badId = Assert.Throws<PluginLoadException>(() => PluginOrder.Sort([P("Henan Province")]));

        Assert.Equal("Plugin 'statistics-bureau' depends on 'henan', which is not installed.", missing.Message);
        Assert.Equal("Plugins depend on each other in a cycle: a → b → c → a.", cycle.Message);
        Assert.Equal("Plugins depend on each other in a cycle: a → a.", self.Message);
        Assert.Contains("'henan'", twice.Message);
        Assert.Contains("kebab-case", badId.Message);
    }

    [Fact]
    public void An_enabled_set_must_carry_its_dependencies()
    {
        var installed = new InstalledPlugins(PluginOrder.Sort([P("henan"), P("statistics-bureau", "henan")]));

        Assert.Equal(["henan"], PluginOrder.MissingDependencies(new HashSet<string> { "statistics-bureau" }, installed.ById));
        Assert.Empty(PluginOrder.MissingDependencies(new HashSet<string> { "statistics-bureau", "henan" }, installed.ById));
        Assert.Equal(["henan", "statistics-bureau"], installed.Of(["statistics-bureau", "retired-plugin", "henan"]));
    }
}
