using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Minsheng.Api.Tests.Transport;

/// <summary>Per-tenant rate limits: one county over its budget gets 429 with Retry-After; another county does not notice.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiFactory factory)
{
    [Fact]
    public async Task A_tenant_over_its_budget_gets_429_and_other_tenants_are_not_affected()
    {
        var limited = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:Enabled", "true");
            b.UseSetting("RateLimits:PerTenantPerSecond", "1");
            b.UseSetting("RateLimits:PerTenantBurst", "3");
        });
        var county = new GraphQLClient(limited.CreateClient(), "411302");
        var neighbour = new GraphQLClient(limited.CreateClient(), "411303");

        var answers = new List<GraphQLResponse>();
        for (var i = 0; i < 10; i++) answers.Add(await county.PostAsync("{ tenant { name } }"));
        var other = await neighbour.PostAsync("{ tenant { name } }");
        var health = await limited.CreateClient().GetAsync("/health/live");

        // The burst of 3 passes; then one token a second: ten requests in well under seven seconds meet refusals.
        Assert.All(answers.Take(3), a => Assert.Equal(200, a.Status));
        var refused = answers.Where(a => a.Status == 429).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.Equal("RATE_LIMITED", r.ErrorCode());
            Assert.True(r.Message.Headers.RetryAfter is not null);
        });
        Assert.Equal(200, other.Status);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task In_development_there_are_no_limits_unless_asked_for()
    {
        var county = factory.Client("411302");

        var statuses = new List<int>();
        for (var i = 0; i < 30; i++) statuses.Add((await county.PostAsync("{ tenant { name } }")).Status);

        Assert.All(statuses, s => Assert.Equal(200, s));
    }
}
