using System.Net;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Transport;

/// <summary>Issue #16 §6: GraphiQL at /graphql/ui in Development, with the bundles the build installed; nothing of it in Production.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphiQLInDevelopmentTests(ApiFactory factory)
{
    [Fact]
    public async Task The_page_and_its_bundles_are_served()
    {
        var http = factory.CreateClient();

        var page = await http.GetAsync("/graphql/ui");
        var html = await page.Content.ReadAsStringAsync();
        var script = await http.GetAsync("/graphql/ui/assets/graphiql.min.js");
        var react = await http.GetAsync("/graphql/ui/assets/react.production.min.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("GraphiQL.createFetcher({ url: \"/graphql\" })", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "the GraphiQL bundle itself, not a placeholder");
        Assert.Equal(HttpStatusCode.OK, react.StatusCode);
    }
}

public sealed class GraphiQLInProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task There_is_no_graphiql_in_production()
    {
        var http = factory.CreateClient();

        var page = await http.GetAsync("/graphql/ui");
        var script = await http.GetAsync("/graphql/ui/assets/graphiql.min.js");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }
}
