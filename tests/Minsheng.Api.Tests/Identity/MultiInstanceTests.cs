using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Data;
using Minsheng.Identity.Development;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// Issue #16 §3: several server instances on one database accept each other's tokens, because the signing keys
/// (and the Data Protection keys behind cookies and codes) are in PostgreSQL, created once by whichever started first.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private sealed class Instance(string owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(owner));
            builder.UseSetting("Identity:RequireHttps", "false");
            builder.UseSetting("Identity:Issuer", "https://minsheng.example/");
            builder.AddDemoAccounts();
        }
    }

    private string _owner = "";

    public async Task InitializeAsync() => _owner = await PostgresCluster.CreateDemoDatabaseAsync("multi");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_token_from_one_instance_is_accepted_by_another_and_a_sign_in_started_on_one_finishes_on_the_other()
    {
        await using var first = new Instance(_owner);
        await using var second = new Instance(_owner);
        // Both start together on an empty key table: one key wins, both use it.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        var token = (await first.ClientCredentialsAsync(DevelopmentAccounts.CountyClientId, DevelopmentAccounts.CountyClientSecret)).AccessToken;
        var onSecond = await new GraphQLClient(second.CreateClient(), null, token).QueryAsync("{ me { tenant } projects(first: 1) { totalCount } }");
        var userToken = await first.SignInAsync("411302-viewer");
        var refreshedOnSecond = await second.RefreshAsync(userToken.RefreshToken!);
        var readOnFirst = await new GraphQLClient(first.CreateClient(), null, refreshedOnSecond.AccessToken).QueryAsync("{ me { actorId } }");

        Assert.Equal("411302", onSecond.GetProperty("me").GetProperty("tenant").GetString());
        Assert.Equal("user:411302-viewer", readOnFirst.GetProperty("me").GetProperty("actorId").GetString());
    }
}
