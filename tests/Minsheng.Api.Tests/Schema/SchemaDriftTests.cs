using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.Api.Tests.Schema;

/// <summary>
/// schema.graphql at the repository root is the published contract. A change to the schema must change
/// that file in the same commit: the test fails until it does. Run it with MINSHENG_UPDATE_SCHEMA=1 to
/// rewrite the file, then review the diff and commit it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaDriftTests(ApiFactory factory)
{
    [Fact]
    public void The_checked_in_SDL_matches_the_schema() => AssertMatches(factory.Services.GetRequiredService<ISchema>(), "schema.graphql");

    /// <summary>Each plugin's published contract: the schema of a tenant that enabled it (and what it depends on).</summary>
    [Fact]
    public void Each_plugins_checked_in_SDL_matches_the_schema_of_a_tenant_that_enabled_it()
    {
        var installed = factory.Services.GetRequiredService<Minsheng.Plugins.Abstractions.InstalledPlugins>();
        var schemas = factory.Services.GetRequiredService<Minsheng.GraphQL.Schema.TenantSchemas>();
        Assert.NotEmpty(installed.Ordered);
        foreach (var plugin in installed.Ordered)
            AssertMatches(schemas.For(plugin.DependsOn.Append(plugin.Id)), Path.Combine("plugins", plugin.Id switch
            {
                "henan" => "Minsheng.Plugins.Henan",
                "statistics-bureau" => "Minsheng.Plugins.StatisticsBureau",
                var other => throw new InvalidOperationException($"Say where plugin {other} keeps its schema.graphql."),
            }, "schema.graphql"));
    }

    private static void AssertMatches(ISchema schema, string file)
    {
        var actual = schema.Print(new global::GraphQL.Utilities.PrintOptions { IncludeDeprecationReasons = true, IncludeDescriptions = true }).ReplaceLineEndings("\n").Trim() + "\n";
        var path = Path.Combine(RepositoryPaths.Root(), file);
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        if (expected != actual && Environment.GetEnvironmentVariable("MINSHENG_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, actual);
            expected = actual;
        }

        Assert.True(expected == actual, $"{file} is out of date: run the tests with MINSHENG_UPDATE_SCHEMA=1 to regenerate it, review and commit it.");
    }
}
