using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Tenants;

/// <summary>Issue 14 §3: onboarding a county over the API (the mutation the identity issue will guard).</summary>
[Collection(ApiCollection.Name)]
public sealed class AddTenantMutationTests(ApiFactory factory)
{
    private const string AddTenant = """
        mutation($code: String!) { addTenant(input: { regionCode: $code }) { regionCode name level ancestors { code name level } } }
        """;

    [Fact]
    public async Task A_county_is_onboarded_by_its_code_and_can_be_used_at_once()
    {
        var admin = await factory.SignedInAsync("platform-admin");

        var added = (await admin.QueryAsync(AddTenant, new { code = "411521" })).GetProperty("addTenant");
        var again = await admin.PostAsync(AddTenant, new { code = "411521" });
        var county = await factory.Client("411521").QueryAsync("{ tenant { name level } projects(first: 1) { totalCount } }");

        Assert.Equal("罗山县", added.GetProperty("name").GetString());
        Assert.Equal("COUNTY", added.GetProperty("level").GetString());
        Assert.Equal(["410000 河南省", "411500 信阳市"], added.GetProperty("ancestors").EnumerateArray().Select(r => $"{r.GetProperty("code").GetString()} {r.GetProperty("name").GetString()}"));
        Assert.Equal("CONFLICT", again.ErrorCode());
        Assert.Equal("罗山县", county.GetProperty("tenant").GetProperty("name").GetString());
        Assert.Equal(0, county.GetProperty("projects").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("4115")]
    [InlineData("999999")]
    public async Task A_code_that_is_no_division_is_bad_input(string code)
    {
        var response = await (await factory.SignedInAsync("platform-admin")).PostAsync(AddTenant, new { code });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("regionCode", response.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }
}

/// <summary>In Production only a platform administrator's token may onboard a tenant; nobody else writes anything.</summary>
public sealed class AddTenantInProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Onboarding_over_the_api_needs_the_platform_administrator()
    {
        var anonymous = new GraphQLClient(factory.CreateClient(), tenant: null);
        var countyAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        const string Add = "mutation { addTenant(input: { regionCode: \"411522\" }) { name } }";

        var unsigned = await anonymous.PostAsync(Add);
        var refused = await countyAdmin.PostAsync(Add);
        var check = await anonymous.PostAsync("{ regions(parentCode: \"411500\") { code } }");
        var countBefore = await factory.OwnerScalarAsync("SELECT count(*) FROM tenants WHERE region_code = '411522'");
        var platformAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("platform-admin")).AccessToken);
        var added = await platformAdmin.QueryAsync(Add);

        Assert.Equal((401, "UNAUTHENTICATED"), (unsigned.Status, unsigned.ErrorCode()));
        Assert.Equal((403, "FORBIDDEN"), (refused.Status, refused.ErrorCode()));
        Assert.False(check.HasErrors);
        Assert.Equal(0L, countBefore);
        Assert.Equal("光山县", added.GetProperty("addTenant").GetProperty("name").GetString());
    }
}
