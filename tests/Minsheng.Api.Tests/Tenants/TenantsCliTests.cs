using System.Diagnostics;
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

        var (addCode, added) = await RunCliAsync("tenants", "add", "411526", "--connection", connection);
        var (againCode, again) = await RunCliAsync("tenants", "add", "411526", "--connection", connection);
        var (invalidCode, invalid) = await RunCliAsync("tenants", "add", "4115", "--connection", connection);
        var (listCode, list) = await RunCliAsync("tenants", "--connection", connection);
        var (importCode, imported) = await RunCliAsync("import", seed, "--tenant", "411526", "--dry-run", "--connection", connection);

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

        var (addCode, added) = await RunCliAsync("tenants", "add", "411524", "--connection", connection);
        var (disableCode, disabled) = await RunCliAsync("tenants", "disable", "411524", "--connection", connection);
        var (againCode, again) = await RunCliAsync("tenants", "disable", "411524", "--connection", connection);
        var (listCode, list) = await RunCliAsync("tenants", "--connection", connection);
        var (refusedCode, refused) = await RunCliAsync("import", seed, "--tenant", "411524", "--dry-run", "--connection", connection);
        var (unknownCode, unknown) = await RunCliAsync("tenants", "enable", "411523", "--connection", connection);
        var (enableCode, enabled) = await RunCliAsync("tenants", "enable", "411524", "--connection", connection);
        var (listAfterCode, listAfter) = await RunCliAsync("tenants", "--connection", connection);
        var (importCode, imported) = await RunCliAsync("import", seed, "--tenant", "411524", "--dry-run", "--connection", connection);

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
    private static async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.Cli", "bin", configuration, "net10.0", "minsheng.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
