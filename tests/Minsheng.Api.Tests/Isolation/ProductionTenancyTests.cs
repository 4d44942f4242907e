using Minsheng.Api.Tests.Identity;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Isolation;

/// <summary>The same server in Production: the development X-Tenant header must select nothing.</summary>
public sealed class ProductionFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _owner = "";

    public async Task InitializeAsync()
    {
        _owner = await PostgresCluster.CreateDemoDatabaseAsync("prod");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(_owner));
        // The test server speaks plain HTTP; a real deployment terminates TLS in front and forwards the scheme.
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.AddDemoAccounts();
    }

    /// <summary>Signed in as a demo account through the real authorization code flow; the token names the tenant.</summary>
    public async Task<GraphQLClient> SignedInAsync(string userName) => new(CreateClient(), null, (await this.SignInAsync(userName)).AccessToken);

    /// <summary>One value read as the owner, past row-level security: what is really in the database.</summary>
    public Task<object?> OwnerScalarAsync(string sql) => OwnerQuery.ScalarAsync(_owner, sql);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

public sealed class ProductionTenancyTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task The_development_tenant_header_selects_nothing_in_production()
    {
        var client = new GraphQLClient(factory.CreateClient(), "411302");

        var response = await client.PostAsync("{ tenant { name } projects(first: 5) { totalCount } }");

        // The header makes nobody a developer in production: the caller is anonymous and is told to sign in.
        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
        Assert.False(response.Body.TryGetProperty("data", out _));
        // Nor are the development-only SQL count headers sent.
        Assert.False(response.Message.Headers.Contains("X-Sql-Round-Trips"));
    }
}
