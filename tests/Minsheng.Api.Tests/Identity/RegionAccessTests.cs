using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// Issue #16 §2 and §5, in Production: a region analyst (and a region client) reads the tenants below its region,
/// chosen with X-Tenant, never a tenant outside it, and never writes; only the platform administrator creates them.
/// </summary>
public sealed class RegionAccessTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Read = "{ tenant { regionCode } projects(first: 1) { totalCount } }";

    [Fact]
    public async Task A_region_analyst_reads_only_below_its_region_and_never_writes()
    {
        var platform = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("platform-admin")).AccessToken);
        var countyAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        const string Create = """
            mutation { createRegionAnalyst(input: { regionCode: "411300", userName: "nanyang-analyst-2", displayName: "南阳分析", password: "analyst-2026" }) { roles } }
            """;
        var refused = await countyAdmin.PostAsync(Create);
        var created = (await platform.QueryAsync(Create)).GetProperty("createRegionAnalyst");
        var countyCode = await platform.PostAsync("""
            mutation { createRegionAnalyst(input: { regionCode: "411302", userName: "x-analyst", displayName: "x", password: "analyst-2026" }) { roles } }
            """);
        var token = (await factory.SignInAsync("nanyang-analyst-2", "analyst-2026", "openid read write")).AccessToken;

        var below = await new GraphQLClient(factory.CreateClient(), "411303", token).QueryAsync(Read);
        var above = await new GraphQLClient(factory.CreateClient(), "410000", token).PostAsync(Read);
        var sibling = await new GraphQLClient(factory.CreateClient(), "411500", token).PostAsync(Read);
        var write = await new GraphQLClient(factory.CreateClient(), "411303", token).PostAsync("mutation { createUnit(input: { name: \"分析员建的局\" }) { id } }");
        var me = (await new GraphQLClient(factory.CreateClient(), null, token).QueryAsync("{ me { kind regionCode permissions } }")).GetProperty("me");

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal(["region_analyst"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("BAD_USER_INPUT", countyCode.ErrorCode());
        Assert.Equal("411303", below.GetProperty("tenant").GetProperty("regionCode").GetString());
        Assert.True(below.GetProperty("projects").GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal((403, "FORBIDDEN"), (above.Status, above.ErrorCode()));
        Assert.Equal((403, "FORBIDDEN"), (sibling.Status, sibling.ErrorCode()));
        Assert.Equal((403, "FORBIDDEN"), (write.Status, write.ErrorCode()));
        Assert.Equal("411300", me.GetProperty("regionCode").GetString());
        Assert.Equal(["ReadTenantData"], me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0L, await factory.OwnerScalarAsync("SELECT count(*) FROM units WHERE name = '分析员建的局'"));
    }

    [Fact]
    public async Task A_region_client_registered_by_the_platform_reads_a_county_below_it()
    {
        var platform = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("platform-admin")).AccessToken);
        var registered = (await platform.QueryAsync("""
            mutation { registerRegionClient(input: { regionCode: "411300", name: "南阳市大屏" }) { client { clientId } clientSecret } }
            """)).GetProperty("registerRegionClient");
        var token = (await factory.ClientCredentialsAsync(registered.GetProperty("client").GetProperty("clientId").GetString()!,
            registered.GetProperty("clientSecret").GetString()!)).AccessToken;

        var county = await new GraphQLClient(factory.CreateClient(), "411321", token).QueryAsync(Read);
        var outside = await new GraphQLClient(factory.CreateClient(), "410000", token).PostAsync(Read);

        Assert.Equal("411321", county.GetProperty("tenant").GetProperty("regionCode").GetString());
        Assert.Equal((403, "FORBIDDEN"), (outside.Status, outside.ErrorCode()));
    }
}
