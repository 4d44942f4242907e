using System.Diagnostics;
using Minsheng.Postgres.Embedded;
using Npgsql;

namespace Minsheng.Testing;

/// <summary>
/// The test cluster as Citus (<c>MINSHENG_TEST_CITUS=1</c>, set by <c>deploy/citus/verify.sh</c>): a coordinator and two
/// workers on loopback, each started by the project's launcher with the citus library preloaded. Every test database is
/// created on all three with the extension, the workers registered with the coordinator, migrated on the coordinator as
/// usual, then distributed by <c>deploy/citus/distribute.sql</c> exactly as a deployment runs it — so the same tests
/// check tenancy on plain PostgreSQL and on Citus.
/// </summary>
public static class CitusNodes
{
    /// <summary>Registering nodes and distributing, in several databases of the same nodes at once, fail on Citus's own locks: one at a time.</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static bool Enabled => Environment.GetEnvironmentVariable("MINSHENG_TEST_CITUS") == "1";

    /// <summary>Server settings of every node: citus preloaded; few shards per table, as test databases are many and small.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "citus",
        ["citus.shard_count"] = "4",
        ["max_connections"] = "300",
    };

    /// <summary>Creates <paramref name="database"/> on every worker and the coordinator with the citus extension, workers registered.</summary>
    public static async Task PrepareDatabaseAsync(EmbeddedPostgres coordinator, IReadOnlyList<EmbeddedPostgres> workers, string database)
    {
        await OneAtATime.WaitAsync();
        try
        {
            await PrepareOneAsync(coordinator, workers, database);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task PrepareOneAsync(EmbeddedPostgres coordinator, IReadOnlyList<EmbeddedPostgres> workers, string database)
    {
        foreach (var node in workers.Prepend(coordinator))
        {
            await ExecuteAsync(node.ConnectionString(), $"CREATE DATABASE {database}");
            await ExecuteAsync(node.ConnectionString(database), "CREATE EXTENSION citus");
        }
        var owner = coordinator.ConnectionString(database);
        await ExecuteAsync(owner, $"SELECT citus_set_coordinator_host('127.0.0.1', {coordinator.Port})");
        foreach (var worker in workers) await ExecuteAsync(owner, $"SELECT citus_add_node('127.0.0.1', {worker.Port})");
    }

    /// <summary>Runs the deployment's distribution script with psql, as an operator would, on a migrated database.</summary>
    public static async Task DistributeAsync(string ownerConnectionString)
    {
        await OneAtATime.WaitAsync();
        try
        {
            await RunScriptAsync(ownerConnectionString);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task RunScriptAsync(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var psi = new ProcessStartInfo(Path.Combine(PostgresBinaries.Locate(), "psql"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "-d", builder.Database!, "-f", Script() })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/citus/distribute.sql failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "deploy", "citus", "distribute.sql");
            if (File.Exists(script)) return script;
        }
        throw new FileNotFoundException("deploy/citus/distribute.sql was not found above the test folder.");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
