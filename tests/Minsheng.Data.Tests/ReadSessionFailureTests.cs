using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data.Reading;
using Minsheng.Domain.Regions;
using Minsheng.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>Issue 14 §1–2: how the read path fails, and which database failures a caller is told about.</summary>
public sealed class ReadSessionFailureTests
{
    /// <summary>A loader of any table by id; what matters here is how it fails.</summary>
    private sealed class TenantNameLoader(ReadSession session) : BatchLoader<Guid, string?>(session)
    {
        protected override string? Missing => null;

        protected override string Statement(string keys) => $"SELECT id, name FROM units WHERE tenant_id = $1 AND id = ANY({keys})";

        protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, string?> into, CancellationToken ct)
        {
            while (await reader.ReadAsync(ct)) into[reader.GetGuid(0)] = reader.GetString(1);
        }
    }

    private static TenantContextHolder AnyTenant()
    {
        var holder = new TenantContextHolder();
        holder.Set(new TenantContext(Guid.CreateVersion7(), "989898", "测试县", RegionLevel.County, []));
        return holder;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task When_the_connection_cannot_be_opened_every_waiting_loader_fails()
    {
        // Nothing listens on the port: opening the batch's connection fails.
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={UnusedPort()};Username=nobody;Timeout=2");
        await using var session = new ReadSession(dataSource, AnyTenant(), new SqlCommandCounter());
        var first = new TenantNameLoader(session).Load(Guid.CreateVersion7());
        var sibling = new TenantNameLoader(session).Load(Guid.CreateVersion7());

        var firstError = await Assert.ThrowsAnyAsync<Exception>(() => first.GetAsync(CancellationToken.None));
        // Before the fix the sibling's value came back silently empty (null), as if the row did not exist.
        var siblingError = await Assert.ThrowsAnyAsync<Exception>(() => sibling.GetAsync(CancellationToken.None));

        Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(firstError));
        Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(siblingError));
    }

    [Fact]
    public async Task Without_a_tenant_tenant_queries_complete_empty_without_a_connection()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={UnusedPort()};Username=nobody;Timeout=2");
        var counter = new SqlCommandCounter();
        await using var session = new ReadSession(dataSource, new TenantContextHolder(), counter);

        var value = await new TenantNameLoader(session).Load(Guid.CreateVersion7()).GetAsync(CancellationToken.None);

        Assert.Null(value);
        Assert.Equal(0, counter.RoundTrips);
    }

    [Fact]
    public async Task The_application_connections_have_a_statement_timeout_reported_as_timeout()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("stmttimeout");
        var services = new ServiceCollection();
        services.AddMinshengTenancy();
        services.AddMinshengData(new DatabaseOptions(DatabaseSetup.AppConnectionString(owner)) { StatementTimeout = TimeSpan.FromMilliseconds(200) });
        await using var provider = services.BuildServiceProvider();
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        await using var command = dataSource.CreateCommand("SELECT pg_sleep(5)");
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.Equal(DatabaseFailure.Timeout, DatabaseFailures.Classify(error));
    }

    [Theory]
    [InlineData("SELECT convert_from('\\xff'::bytea, 'UTF8')", DatabaseFailure.InvalidText)]
    [InlineData("SELECT 'x'::uuid", DatabaseFailure.InvalidText)]
    [InlineData("CREATE TEMP TABLE t (v varchar(2)); INSERT INTO t VALUES ('abc')", DatabaseFailure.ValueTooLong)]
    [InlineData("SELECT 100000::smallint", DatabaseFailure.OutOfRange)]
    [InlineData("DO $$ BEGIN RAISE EXCEPTION 'collided' USING ERRCODE = '40001'; END $$", DatabaseFailure.Contention)]
    [InlineData("DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$", DatabaseFailure.Contention)]
    [InlineData("SET statement_timeout = 50; SELECT pg_sleep(1)", DatabaseFailure.Timeout)]
    [InlineData("SELECT 1/0", null)]
    public async Task Database_errors_a_caller_can_cause_are_classified(string sql, DatabaseFailure? expected)
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("classify");
        await using var connection = new NpgsqlConnection(owner + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Record.ExceptionAsync(() => command.ExecuteScalarAsync());

        Assert.NotNull(error);
        Assert.Equal(expected, DatabaseFailures.Classify(error));
    }
}
