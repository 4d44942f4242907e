using Xunit.Abstractions;

namespace Minsheng.Api.Tests.Leaks;

/// <summary>The leak suite against the server as it runs: the application's tenant filter and row-level security.</summary>
public sealed class LeakSuiteTests(LeakFactory factory, ITestOutputHelper output) : IClassFixture<LeakFactory>
{
    [Fact]
    public async Task No_field_node_or_mutation_reaches_a_sibling_countys_data()
    {
        var suite = new SchemaLeakSuite(factory);

        await suite.RunAsync();
        output.WriteLine(suite.Summary);

        Assert.True(suite.Problems.Count == 0, $"{suite.Problems.Count} leaks or wrong answers ({suite.Summary}):\n" + string.Join("\n", suite.Problems.Take(30)));
    }
}

/// <summary>The same suite with the application's tenant filter switched off: row-level security alone holds.</summary>
public sealed class LeakSuiteWithoutApplicationFilterTests(FilterOffLeakFactory factory, ITestOutputHelper output) : IClassFixture<FilterOffLeakFactory>
{
    [Fact]
    public async Task Row_level_security_alone_keeps_a_sibling_countys_data_out()
    {
        var suite = new SchemaLeakSuite(factory);

        await suite.RunAsync();
        output.WriteLine(suite.Summary);

        Assert.True(suite.Problems.Count == 0, $"{suite.Problems.Count} leaks or wrong answers ({suite.Summary}):\n" + string.Join("\n", suite.Problems.Take(30)));
    }
}
