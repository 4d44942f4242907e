using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Health;

/// <summary>
/// The server on a cluster of its own (not the test run's shared one), so that the test can stop and
/// restart the database under it. The connection timeout is short so that requests fail fast while it is down.
/// </summary>
public sealed class OutageFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = ScratchFolder.NewPath("minsheng-outage");
    private EmbeddedPostgres? _cluster;
    private int _port;

    public string OwnerConnectionString { get; private set; } = "";

    private EmbeddedPostgresOptions ClusterOptions => new() { DataDirectory = Path.Combine(_folder, "pgdata"), Port = _port };

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedPostgres.StartAsync(ClusterOptions);
        _port = _cluster.Port;
        OwnerConnectionString = _cluster.ConnectionString("minsheng");
        await PlatformDatabase.MigrateAsync(OwnerConnectionString);
        await DemoDataLoader.LoadAsync(OwnerConnectionString, DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants));
    }

    public Task StopDatabaseAsync() => _cluster!.StopAsync();

    public async Task StartDatabaseAsync() => _cluster = await EmbeddedPostgres.StartAsync(ClusterOptions);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString) + ";Timeout=3");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_cluster is not null) await _cluster.StopAsync();
        ScratchFolder.Delete(_folder);
    }
}

/// <summary>Issue #14: live and ready health endpoints, and a server that survives its database going away and coming back.</summary>
public sealed class HealthTests(OutageFactory factory) : IClassFixture<OutageFactory>
{
    private const string ProjectCount = "{ projects(first: 1) { totalCount } }";

    [Fact]
    public async Task Ready_fails_and_queries_fail_fast_while_the_database_is_down_and_both_recover_when_it_returns()
    {
        var http = factory.CreateClient();
        var county = new GraphQLClient(http, "411302");
        var otherCounty = new GraphQLClient(http, "411303");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var before = (await county.QueryAsync(ProjectCount)).GetProperty("projects").GetProperty("totalCount").GetInt32();
        Assert.True(before > 0);

        await factory.StopDatabaseAsync();
        try
        {
            var live = await http.GetAsync("/health/live");
            var (ready, readyBody) = await GetJsonAsync(http, "/health/ready");
            var (legacy, _) = await GetJsonAsync(http, "/health");
            var clock = Stopwatch.StartNew();
            var query = await county.PostAsync(ProjectCount);
            var queryTime = clock.Elapsed;
            // A tenant not looked up before: the tenant resolution itself needs the database.
            var unresolved = await otherCounty.PostAsync(ProjectCount);

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
            Assert.Equal("unavailable", readyBody.GetProperty("status").GetString());
            Assert.Equal("The database cannot be reached.", readyBody.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, legacy);
            Assert.True(queryTime < TimeSpan.FromSeconds(5), $"The query took {queryTime}.");
            foreach (var failed in new[] { query, unresolved })
            {
                Assert.Equal(503, failed.Status);
                Assert.Equal("DATABASE_UNAVAILABLE", failed.ErrorCode());
                Assert.DoesNotContain("   at ", failed.Body.ToString());
            }
        }
        finally
        {
            await factory.StartDatabaseAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var after = (await county.QueryAsync(ProjectCount)).GetProperty("projects").GetProperty("totalCount").GetInt32();
        Assert.Equal(before, after);
        await otherCounty.QueryAsync(ProjectCount);
    }

    [Fact]
    public async Task A_restart_between_two_requests_costs_no_failed_request()
    {
        var county = new GraphQLClient(factory.CreateClient(), "411302");
        var before = (await county.QueryAsync(ProjectCount)).GetProperty("projects").GetProperty("totalCount").GetInt32();
        // Several requests at once leave several idle connections in the pool, as a server under load has.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => new GraphQLClient(factory.CreateClient(), "411302").QueryAsync(ProjectCount)));

        // The pooled connections die with the server; no request notices while it is down.
        await factory.StopDatabaseAsync();
        await factory.StartDatabaseAsync();

        // The read batch is retried once on a fresh connection (the dead idle ones dropped): every request after the
        // restart succeeds, not only the first.
        for (var i = 0; i < 3; i++)
        {
            var after = await county.PostAsync(ProjectCount);
            Assert.False(after.HasErrors, after.Body.ToString());
            Assert.Equal(before, after.Data.GetProperty("projects").GetProperty("totalCount").GetInt32());
        }
    }

    [Fact]
    public async Task Live_answers_without_the_database_and_ready_reports_ok_as_json()
    {
        var http = factory.CreateClient();

        var (live, liveBody) = await GetJsonAsync(http, "/health/live");
        var (ready, readyBody) = await GetJsonAsync(http, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("ok", liveBody.GetProperty("status").GetString());
        Assert.Empty(liveBody.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("ok", readyBody.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_fails_while_a_migration_of_this_build_is_not_applied()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("pending");
        var latest = await ForgetLatestMigrationAsync(owner);
        await using var server = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(owner));
        });
        var http = server.CreateClient();

        var (ready, body) = await GetJsonAsync(http, "/health/ready");
        var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal([latest], body.GetProperty("checks").GetProperty("database").GetProperty("pendingMigrations").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>Makes the database look one migration behind the build, as after deploying a new server first.</summary>
    private static async Task<string> ForgetLatestMigrationAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"DELETE FROM {DatabaseSetup.MigrationsHistoryTable} WHERE migration_id = (SELECT max(migration_id) FROM {DatabaseSetup.MigrationsHistoryTable}) RETURNING migration_id",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
