using Minsheng.Postgres.Embedded;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Hosting;

/// <summary>
/// Issue #14: the real server process, started as an operator would, in Production. Without a connection
/// string it used to start a private cluster with demo data and print the development tenant hint.
/// </summary>
public sealed class ProductionStartupTests : IDisposable
{
    private readonly string _folder = ScratchFolder.NewPath("minsheng-prod");

    private string DataDirectory => Path.Combine(_folder, "pgdata");

    [Fact]
    public async Task Without_a_connection_string_the_server_refuses_to_start_with_one_clear_message()
    {
        using var server = ServerProcess.Start(new() { ["Embedded__DataDirectory"] = DataDirectory, ["Embedded__Port"] = "0" });

        var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, "The server kept running:\n" + server.Output);
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("No database is configured for the Production environment", server.Output);
        Assert.Contains("ConnectionStrings__Minsheng", server.Output);
        Assert.DoesNotContain("   at ", server.Output);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "PG_VERSION")), "A cluster was created.");
    }

    [Theory]
    [InlineData("Supervision__DailyRound__Every", "00:00:00", "Supervision:DailyRound:Every must be longer than zero")]
    [InlineData("Supervision__DailyRound__FirstAfter", "soon", "Supervision:DailyRound:FirstAfter")]
    public async Task A_daily_round_setting_it_cannot_use_stops_the_server_before_the_database_with_the_settings_name(string setting, string value,
        string named)
    {
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__DataDirectory"] = DataDirectory, ["Embedded__Port"] = "0", ["Embedded__Enabled"] = "true", [setting] = value,
        });

        var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, "The server kept running:\n" + server.Output);
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("The configuration cannot be used", server.Output);
        Assert.Contains(named, server.Output);
        Assert.DoesNotContain("   at ", server.Output);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "PG_VERSION")), "A cluster was created before the settings were checked.");
    }

    [Fact]
    public async Task Asked_for_the_embedded_database_it_starts_durable_without_demo_data_or_development_hints()
    {
        var databasePort = ServerProcess.FreePort();
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__Enabled"] = "true",
            ["Embedded__DataDirectory"] = DataDirectory,
            ["Embedded__Port"] = databasePort.ToString(),
        });

        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        var owner = $"Host=127.0.0.1;Port={databasePort};Username=minsheng_owner;Database=minsheng;Pooling=false;Timeout=5";
        var (tenants, fsync) = await TenantsAndFsyncAsync(owner);
        await server.StopAsync();

        Assert.Equal(0L, tenants);
        Assert.Equal("on", fsync);
        Assert.Contains("GraphQL endpoint", server.Output);
        Assert.DoesNotContain("X-Tenant", server.Output);
        // The server was the cluster's only user: it stopped it on the way out.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => TenantsAndFsyncAsync(owner));
    }

    /// <summary>Issue #16: the demo accounts have a published password; a production trial with demo data gets none of them.</summary>
    [Fact]
    public async Task A_production_trial_with_demo_data_has_no_demo_accounts()
    {
        var databasePort = ServerProcess.FreePort();
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__Enabled"] = "true",
            ["Embedded__LoadDemoData"] = "true",
            ["Embedded__DataDirectory"] = DataDirectory,
            ["Embedded__Port"] = databasePort.ToString(),
        });

        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        var owner = $"Host=127.0.0.1;Port={databasePort};Username=minsheng_owner;Database=minsheng;Pooling=false;Timeout=5";
        var (tenants, _) = await TenantsAndFsyncAsync(owner);
        var users = await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM identity_users");
        var clients = await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM dashboard_clients");
        await server.StopAsync();

        Assert.True(tenants > 0, "the demo tenants were loaded");
        Assert.Equal(0L, users);
        Assert.Equal(0L, clients);
    }

    private static async Task<(long Tenants, string Fsync)> TenantsAndFsyncAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM tenants), current_setting('fsync')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    public void Dispose() => ScratchFolder.Delete(_folder);
}
