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
    public void The_checked_in_SDL_matches_the_schema()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        var actual = schema.Print(new global::GraphQL.Utilities.PrintOptions { IncludeDeprecationReasons = true, IncludeDescriptions = true }).ReplaceLineEndings("\n").Trim() + "\n";
        var path = Path.Combine(RepositoryPaths.Root(), "schema.graphql");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        if (expected != actual && Environment.GetEnvironmentVariable("MINSHENG_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, actual);
            expected = actual;
        }

        Assert.True(expected == actual, "schema.graphql is out of date: run the tests with MINSHENG_UPDATE_SCHEMA=1 to regenerate it, review and commit it.");
    }
}
