using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Transport;

/// <summary>Introspection is for authenticated callers outside Development; __typename always works.</summary>
public sealed class IntrospectionAccessTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task An_anonymous_caller_cannot_introspect_in_production()
    {
        var client = new GraphQLClient(factory.CreateClient(), tenant: null);
        const string schema = "{ __schema { types { name } } }";

        var first = await client.PostAsync(schema);
        var again = await client.PostAsync(schema);
        var type = await client.PostAsync("{ __type(name: \"Project\") { fields { name } } }");
        var typename = await client.PostAsync("{ __typename }");

        foreach (var refused in new[] { first, again, type })
        {
            Assert.Equal(400, refused.Status);
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", refused.ErrorCode());
        }
        Assert.False(typename.HasErrors, typename.Body.ToString());
    }
}

[Collection(ApiCollection.Name)]
public sealed class IntrospectionInDevelopmentTests(ApiFactory factory)
{
    [Fact]
    public async Task Tools_can_introspect_in_development()
    {
        var data = await factory.Client(tenant: null).QueryAsync("{ __schema { queryType { name } } }");

        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }
}
