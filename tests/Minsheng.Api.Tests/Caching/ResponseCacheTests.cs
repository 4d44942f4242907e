using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.Data;
using Minsheng.Data.Caching;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Caching;

/// <summary>One server of two, in Production, on the database the fixture shares between them.</summary>
public sealed class CacheServer(string owner) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(owner));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.AddDemoAccounts();
    }
}

/// <summary>Two servers on one demo database, as behind a load balancer.</summary>
public sealed class TwoServers : IAsyncLifetime
{
    public string Owner { get; private set; } = "";
    public CacheServer A { get; private set; } = null!;
    public CacheServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Owner = await PostgresCluster.CreateDemoDatabaseAsync("cache");
        A = new CacheServer(Owner);
        // The first server creates the demo accounts; the second starts after it, finding them.
        await A.SignInAsync("411302-supervisor");
        B = new CacheServer(Owner);
        _ = B.Server;
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>
/// Issue 20 §3: dashboards' answers to persisted documents are cached per document, variables, data scope and grant;
/// a committed write retires the tenant's answers and its regions' at once on the server that made it and within a second
/// on the other; ETag and If-None-Match give 304; answers are never shared across tenants or grants; losing the
/// notification connection retires everything.
/// </summary>
public sealed class ResponseCacheTests(TwoServers servers) : IClassFixture<TwoServers>
{
    private sealed record Answer(HttpStatusCode Status, string? Cache, string? ETag, string Body);

    private static async Task<Answer> GetAsync(WebApplicationFactory<Program> server, string token, string document, object variables, string? ifNoneMatch = null)
    {
        var client = server.CreateClient();
        var url = $"/graphql?documentId={document}&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.TryGetValues("X-Minsheng-Cache", out var c) ? c.Single() : null,
            response.Headers.ETag?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private async Task<string> TokenAsync(string userName, string scope = "openid offline_access read write") =>
        (await servers.A.SignInAsync(userName, scope: scope)).AccessToken;

    /// <summary>Renames the lead unit of 411302's first project (shown on the project page) as its tenant administrator, on <paramref name="server"/>.</summary>
    private async Task<string> RenameLeadUnitAsync(WebApplicationFactory<Program> server, string admin)
    {
        var unitId = (Guid)(await OwnerQuery.ScalarAsync(servers.Owner, """
            SELECT pu.unit_id FROM project_units pu JOIN projects p ON p.tenant_id = pu.tenant_id AND p.id = pu.project_id
            JOIN tenants t ON t.id = p.tenant_id WHERE t.region_code = '411302' AND pu.role = 'Lead' ORDER BY p.sort_order, pu.position LIMIT 1
            """))!;
        var name = $"区民政局{Guid.NewGuid():N}"[..12];
        var client = new GraphQLClient(server.CreateClient(), null, admin);
        await client.QueryAsync("mutation($id: ID!, $name: String!) { updateUnit(input: { id: $id, name: $name }) { id } }",
            new { id = GlobalIdOf("Unit", unitId), name });
        return name;
    }

    private static string GlobalIdOf(string type, Guid id) => Minsheng.GraphQL.Abstractions.GlobalId.Encode(type, id);

    [Fact]
    public async Task An_answer_is_kept_until_a_write_on_the_same_server_and_is_never_older_than_that_write()
    {
        var supervisor = await TokenAsync("411302-supervisor");
        var admin = await TokenAsync("411302-tenant-admin");
        var variables = new { first = 7 };

        var first = await GetAsync(servers.A, supervisor, "ProjectPage", variables);
        var second = await GetAsync(servers.A, supervisor, "ProjectPage", variables);
        var revalidated = await GetAsync(servers.A, supervisor, "ProjectPage", variables, ifNoneMatch: second.ETag);
        var renamed = await RenameLeadUnitAsync(servers.A, admin);
        var afterWrite = await GetAsync(servers.A, supervisor, "ProjectPage", variables);
        var notModifiedAnyMore = await GetAsync(servers.A, supervisor, "ProjectPage", variables, ifNoneMatch: second.ETag);

        Assert.Equal((HttpStatusCode.OK, "miss"), (first.Status, first.Cache));
        Assert.Equal((HttpStatusCode.OK, "hit"), (second.Status, second.Cache));
        Assert.Equal(first.Body, second.Body);
        Assert.NotNull(second.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
        Assert.Equal("", revalidated.Body);
        Assert.Equal("miss", afterWrite.Cache);
        Assert.Contains(renamed, afterWrite.Body);
        Assert.Equal(HttpStatusCode.OK, notModifiedAnyMore.Status);
        Assert.NotEqual(second.ETag, notModifiedAnyMore.ETag);
    }

    [Fact]
    public async Task A_write_on_one_server_retires_the_other_servers_answer_within_a_second()
    {
        var supervisor = await TokenAsync("411302-supervisor");
        var admin = await TokenAsync("411302-tenant-admin");
        var variables = new { first = 9 };
        await GetAsync(servers.B, supervisor, "ProjectPage", variables);
        Assert.Equal("hit", (await GetAsync(servers.B, supervisor, "ProjectPage", variables)).Cache);

        var renamed = await RenameLeadUnitAsync(servers.A, admin);
        var clock = Stopwatch.StartNew();
        Answer seen;
        do seen = await GetAsync(servers.B, supervisor, "ProjectPage", variables);
        while (!seen.Body.Contains(renamed) && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Contains(renamed, seen.Body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the other server served the old answer for {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Answers_are_not_shared_across_tenants_or_grants()
    {
        var wancheng = await TokenAsync("411302-supervisor");
        var wolong = await TokenAsync("411303-supervisor");
        var clerk = await TokenAsync("411302-unit-clerk");
        var readOnly = await TokenAsync("411302-supervisor", scope: "openid read");
        var variables = new { first = 11 };

        var own = await GetAsync(servers.A, wancheng, "ProjectPage", variables);
        var ownAgain = await GetAsync(servers.A, wancheng, "ProjectPage", variables);
        var otherTenant = await GetAsync(servers.A, wolong, "ProjectPage", variables);
        var otherRole = await GetAsync(servers.A, clerk, "ProjectPage", variables);
        var otherScope = await GetAsync(servers.A, readOnly, "ProjectPage", variables);

        Assert.Equal("hit", ownAgain.Cache);
        Assert.Equal("miss", otherTenant.Cache);
        Assert.NotEqual(own.Body, otherTenant.Body);
        Assert.Equal("miss", otherRole.Cache);
        Assert.Equal("miss", otherScope.Cache);
        // Nothing of 411302's projects in 411303's answer.
        var wanchengIds = JsonDocument.Parse(own.Body).RootElement.GetProperty("data").GetProperty("projects").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(JsonDocument.Parse(otherTenant.Body).RootElement.GetProperty("data").GetProperty("projects").GetProperty("edges")
            .EnumerateArray(), e => wanchengIds.Contains(e.GetProperty("node").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_write_in_a_county_retires_the_province_and_city_roll_ups_that_contain_it_and_no_other()
    {
        var province = await TokenAsync("henan-analyst", "openid read");
        var city = await TokenAsync("nanyang-analyst", "openid read");
        var admin = await TokenAsync("411302-tenant-admin");
        var henan = new { regionCode = "410000", year = 2024 };
        var nanyang = new { regionCode = "411300", year = 2024 };
        var county = new { regionCode = "411303", year = 2024 };

        await GetAsync(servers.A, province, "RegionDashboard", henan);
        await GetAsync(servers.A, city, "RegionDashboard", nanyang);
        await GetAsync(servers.A, city, "RegionDashboard", county);
        Assert.Equal("hit", (await GetAsync(servers.A, province, "RegionDashboard", henan)).Cache);
        await RenameLeadUnitAsync(servers.A, admin);
        var provinceAfter = await GetAsync(servers.A, province, "RegionDashboard", henan);
        var cityAfter = await GetAsync(servers.A, city, "RegionDashboard", nanyang);
        var siblingAfter = await GetAsync(servers.A, city, "RegionDashboard", county);

        Assert.Equal("miss", provinceAfter.Cache);
        Assert.Equal("miss", cityAfter.Cache);
        Assert.Contains("\"regionCode\":\"410000\"", provinceAfter.Body);
        // The city analyst's answer about a sibling county is keyed by the analyst's region (the city): retired too —
        // a write in the city may change any answer the city's analyst gets.
        Assert.Equal("miss", siblingAfter.Cache);
    }

    [Fact]
    public async Task Losing_the_notification_connection_retires_every_answer_and_caching_resumes_when_it_is_back()
    {
        var supervisor = await TokenAsync("411302-supervisor");
        var variables = new { first = 13 };
        await GetAsync(servers.B, supervisor, "ProjectPage", variables);
        Assert.Equal("hit", (await GetAsync(servers.B, supervisor, "ProjectPage", variables)).Cache);
        var writes = servers.B.Services.GetRequiredService<TenantWrites>();

        await OwnerQuery.ScalarAsync(servers.Owner, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'minsheng-write-listener'");
        var clock = Stopwatch.StartNew();
        while (writes.Listening && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        var whileDown = await GetAsync(servers.B, supervisor, "ProjectPage", variables);
        while (!writes.Listening && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        var back = await GetAsync(servers.B, supervisor, "ProjectPage", variables);
        var backAgain = await GetAsync(servers.B, supervisor, "ProjectPage", variables);

        Assert.Equal("miss", whileDown.Cache);
        Assert.True(writes.Listening, "the listener reconnected");
        Assert.Equal("miss", back.Cache);
        Assert.Equal("hit", backAgain.Cache);
    }

    [Fact]
    public async Task Ad_hoc_queries_and_posts_are_not_cached()
    {
        var supervisor = await TokenAsync("411302-supervisor");
        var client = servers.A.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ projects(first: 3) { totalCount } }"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", supervisor);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Minsheng-Cache"));
        Assert.Equal("no-store, private", string.Join(", ", response.Headers.CacheControl!.ToString().Split(", ").Order()));
    }
}
