using Minsheng.Api.Tests.Cli;
using Minsheng.Api.Tests.Identity;
using Minsheng.Data;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Tenants;

/// <summary>
/// Issue #14: `minsheng import … --tenant 411526` said "no such tenant" and nothing could create one.
/// `minsheng tenants add` onboards a county, as documented, with an application-role connection.
/// </summary>
public sealed class TenantsCliTests
{
    [Fact]
    public async Task Tenants_add_onboards_a_county_that_can_then_be_imported_into()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("cli_tenants");
        var connection = DatabaseSetup.AppConnectionString(owner);
        var seed = RepositoryPaths.Seed("003_e2b3581a32b51649.txt");

        var (addCode, added) = await CliProcess.RunAsync("tenants", "add", "411526", "--connection", connection);
        var (againCode, again) = await CliProcess.RunAsync("tenants", "add", "411526", "--connection", connection);
        var (invalidCode, invalid) = await CliProcess.RunAsync("tenants", "add", "4115", "--connection", connection);
        var (listCode, list) = await CliProcess.RunAsync("tenants", "--connection", connection);
        var (importCode, imported) = await CliProcess.RunAsync("import", seed, "--tenant", "411526", "--dry-run", "--connection", connection);

        Assert.True(addCode == 0, added);
        Assert.Contains("Added tenant 411526 潢川县 (County in 河南省 › 信阳市).", added);
        Assert.Equal(1, againCode);
        Assert.Contains("411526 潢川县 is already a tenant.", again);
        Assert.Equal(1, invalidCode);
        Assert.Contains("'4115' is not a region code", invalid);
        Assert.True(listCode == 0, list);
        Assert.Contains("411526  County    Active    潢川县", list);
        Assert.True(importCode == 0, imported);
        Assert.Contains("Dry run:", imported);
        await using var db = new NpgsqlConnection(owner);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM tenants WHERE region_code = '411526'", db);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    /// <summary>Issue #16 §1: `minsheng tenants disable|enable`, the status in the list, and imports refused while disabled.</summary>
    [Fact]
    public async Task Tenants_disable_refuses_imports_until_tenants_enable_and_the_list_shows_the_status()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("cli_tenant_status");
        var connection = DatabaseSetup.AppConnectionString(owner);
        var seed = RepositoryPaths.Seed("003_e2b3581a32b51649.txt");

        var (addCode, added) = await CliProcess.RunAsync("tenants", "add", "411524", "--connection", connection);
        var (disableCode, disabled) = await CliProcess.RunAsync("tenants", "disable", "411524", "--connection", connection);
        var (againCode, again) = await CliProcess.RunAsync("tenants", "disable", "411524", "--connection", connection);
        var (listCode, list) = await CliProcess.RunAsync("tenants", "--connection", connection);
        var (refusedCode, refused) = await CliProcess.RunAsync("import", seed, "--tenant", "411524", "--dry-run", "--connection", connection);
        var (unknownCode, unknown) = await CliProcess.RunAsync("tenants", "enable", "411523", "--connection", connection);
        var (enableCode, enabled) = await CliProcess.RunAsync("tenants", "enable", "411524", "--connection", connection);
        var (listAfterCode, listAfter) = await CliProcess.RunAsync("tenants", "--connection", connection);
        var (importCode, imported) = await CliProcess.RunAsync("import", seed, "--tenant", "411524", "--dry-run", "--connection", connection);

        Assert.True(addCode == 0, added);
        Assert.True(disableCode == 0, disabled);
        Assert.Contains("Disabled tenant 411524 商城县.", disabled);
        Assert.Contains("A running server refuses it within a minute.", disabled);
        Assert.Equal(1, againCode);
        Assert.Contains("Refused: 411524 商城县 is already disabled.", again);
        Assert.True(listCode == 0, list);
        Assert.Contains("411524  County    Disabled  商城县", list);
        Assert.Equal(1, refusedCode);
        Assert.Contains("The tenant 411524 is disabled. Enable it first with: minsheng tenants enable 411524", refused);
        Assert.Equal(1, unknownCode);
        Assert.Contains("No tenant has the region code 411523", unknown);
        Assert.True(enableCode == 0, enabled);
        Assert.Contains("Enabled tenant 411524 商城县.", enabled);
        Assert.True(listAfterCode == 0, listAfter);
        Assert.Contains("411524  County    Active    商城县", listAfter);
        Assert.True(importCode == 0, imported);
        Assert.Contains("Dry run:", imported);
    }

    /// <summary>The CLI's own build output, in the configuration the tests were built in; stdout and stderr together.</summary>
    /// <summary>
    /// Issue #16: on a real installation nobody can sign in until someone exists. `minsheng users add` creates the
    /// platform administrator and a tenant's first administrator (password from the environment, never the command
    /// line), who then sign in through the real authorization code flow.
    /// </summary>
    [Fact]
    public async Task Users_add_creates_the_first_administrators_who_can_then_sign_in()
    {
        var owner = await PostgresCluster.CreateDemoDatabaseAsync("cli_users");
        var connection = DatabaseSetup.AppConnectionString(owner);

        var (noPasswordCode, noPassword) = await CliProcess.RunWithPasswordAsync(null, "users", "add", "root", "--role", "platform_admin", "--connection", connection);
        var (platformCode, platform) = await CliProcess.RunWithPasswordAsync("root-pass-2026", "users", "add", "root", "--role", "platform_admin", "--connection", connection);
        var (adminCode, admin) = await CliProcess.RunWithPasswordAsync("admin-pass-2026", "users", "add", "wancheng-admin", "--role", "tenant_admin", "--tenant", "411302", "--connection", connection);
        var (missingCode, missing) = await CliProcess.RunWithPasswordAsync("x-pass-2026", "users", "add", "lost", "--role", "tenant_admin", "--connection", connection);
        await using var server = new FirstUsersServer(owner);
        var signedIn = await server.SignInAsync("wancheng-admin", "admin-pass-2026");
        var me = await new GraphQLClient(server.CreateClient(), null, signedIn.AccessToken).QueryAsync("{ me { actorId tenant permissions } }");
        var root = await server.SignInAsync("root", "root-pass-2026");

        Assert.Equal(1, noPasswordCode);
        Assert.Contains("MINSHENG_PASSWORD", noPassword);
        Assert.True(platformCode == 0, platform);
        Assert.Contains("Created root (platform_admin).", platform);
        Assert.True(adminCode == 0, admin);
        Assert.Equal(1, missingCode);
        Assert.Contains("--tenant", missing);
        Assert.Equal("411302", me.GetProperty("me").GetProperty("tenant").GetString());
        Assert.Contains("ManageUsers", me.GetProperty("me").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.NotNull(root.AccessToken);
        Assert.Equal("cli:" + Environment.UserName, await OwnerQuery.ScalarAsync(owner, "SELECT actor FROM audit_entries WHERE entity_type = 'User' AND action = 'create'"));
    }
}
