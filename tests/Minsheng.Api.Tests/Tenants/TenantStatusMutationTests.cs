using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Tenants;

/// <summary>
/// Issue #16 §1: a platform administrator disables a tenant that stops using the platform (never deleting it) and
/// enables it again. A disabled tenant's requests are refused at once with 403, told apart from an unknown one (404).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TenantStatusMutationTests(ApiFactory factory)
{
    private const string Disable = "mutation($code: String!) { disableTenant(input: { regionCode: $code }) { regionCode name level status } }";
    private const string Enable = "mutation($code: String!) { enableTenant(input: { regionCode: $code }) { regionCode name level status } }";
    private const string TenantData = "{ tenant { regionCode name } projects(first: 1) { totalCount } }";

    [Fact]
    public async Task A_disabled_tenant_is_refused_with_403_at_once_and_served_again_once_enabled()
    {
        var admin = await factory.SignedInAsync("platform-admin");
        await admin.QueryAsync("mutation { addTenant(input: { regionCode: \"411523\" }) { name } }");
        var county = factory.Client("411523");
        await county.QueryAsync(TenantData); // now in the server's tenant cache

        var disabled = (await admin.QueryAsync(Disable, new { code = "411523" })).GetProperty("disableTenant");
        var refused = await county.PostAsync(TenantData);
        var unknown = await factory.Client("411599").PostAsync(TenantData);
        var disableAgain = await admin.PostAsync(Disable, new { code = "411523" });
        var enabled = (await admin.QueryAsync(Enable, new { code = "411523" })).GetProperty("enableTenant");
        var served = await county.PostAsync(TenantData);

        Assert.Equal("新县 COUNTY DISABLED", $"{disabled.GetProperty("name").GetString()} {disabled.GetProperty("level").GetString()} {disabled.GetProperty("status").GetString()}");
        Assert.Equal(403, refused.Status);
        Assert.StartsWith("application/json", refused.Message.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Contains("Tenant disabled", refused.ErrorMessage());
        Assert.False(refused.Body.TryGetProperty("data", out _));
        Assert.Equal(404, unknown.Status);
        Assert.Equal("NOT_FOUND", unknown.ErrorCode());
        Assert.Equal("CONFLICT", disableAgain.ErrorCode());
        Assert.Equal("ACTIVE", enabled.GetProperty("status").GetString());
        Assert.Equal(200, served.Status);
        Assert.False(served.HasErrors, served.Body.ToString());
        Assert.Equal("411523 新县", $"{served.Data.GetProperty("tenant").GetProperty("regionCode").GetString()} {served.Data.GetProperty("tenant").GetProperty("name").GetString()}");
        Assert.Equal(0, served.Data.GetProperty("projects").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("4115")]
    [InlineData("411524")] // a division, but no tenant
    public async Task Disabling_or_enabling_a_code_without_a_tenant_is_bad_input(string code)
    {
        var admin = await factory.SignedInAsync("platform-admin");

        var disable = await admin.PostAsync(Disable, new { code });
        var enable = await admin.PostAsync(Enable, new { code });

        Assert.All(new[] { disable, enable }, response =>
        {
            Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
            Assert.Equal("regionCode", response.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        });
    }
}

/// <summary>In Production, until sign-in tells an administrator apart, disabling and enabling over the API are refused and write nothing.</summary>
public sealed class TenantStatusInProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Disabling_and_enabling_over_the_api_need_the_platform_administrator()
    {
        var anonymous = new GraphQLClient(factory.CreateClient(), tenant: null);
        var countyAdmin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        const string Disable = "mutation { disableTenant(input: { regionCode: \"411302\" }) { status } }";

        var unsigned = await anonymous.PostAsync(Disable);
        var refused = await countyAdmin.PostAsync(Disable);
        var enable = await countyAdmin.PostAsync("mutation { enableTenant(input: { regionCode: \"411302\" }) { status } }");

        Assert.Equal("UNAUTHENTICATED", unsigned.ErrorCode());
        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal("FORBIDDEN", enable.ErrorCode());
        Assert.Equal("Active", await factory.OwnerScalarAsync("SELECT status FROM tenants WHERE region_code = '411302'"));
        Assert.Equal(0L, await factory.OwnerScalarAsync("SELECT count(*) FROM audit_entries WHERE action IN ('disable', 'enable')"));
    }
}
