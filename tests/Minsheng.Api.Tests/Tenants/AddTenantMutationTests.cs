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
        var admin = factory.Client(tenant: null);

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
        var response = await factory.Client(tenant: null).PostAsync(AddTenant, new { code });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal("regionCode", response.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }
}

/// <summary>In Production, until sign-in tells an administrator apart, the mutation is refused and writes nothing.</summary>
public sealed class AddTenantInProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Onboarding_over_the_api_is_forbidden_in_production()
    {
        var client = new GraphQLClient(factory.CreateClient(), tenant: null);

        var response = await client.PostAsync("mutation { addTenant(input: { regionCode: \"411522\" }) { name } }");
        var check = await client.PostAsync("{ regions(parentCode: \"411500\") { code } }");

        Assert.Equal("FORBIDDEN", response.ErrorCode());
        Assert.False(check.HasErrors);
        Assert.Equal(0L, await factory.OwnerScalarAsync("SELECT count(*) FROM tenants WHERE region_code = '411522'"));
    }
}
