using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run of an assembly, started by the project's own
/// launcher (initdb/pg_ctl) in a temporary folder the database user can reach (wherever the checkout lives)
/// and removed afterwards. Databases are created migrated.
/// When PostgreSQL is missing the tests fail with the message saying what to install: they never skip.
/// </summary>
public static class PostgresCluster
{
    private const string FolderPrefix = "minsheng-test-";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _server;
    private static readonly List<EmbeddedPostgres> Workers = [];
    private static string? _folder;
    private static int _databases;

    public static async Task<EmbeddedPostgres> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null) return _server;
            RemoveFoldersOfEndedRuns();
            _folder = Path.Combine(EmbeddedDefaults.ScratchRoot(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..35]);
            if (CitusNodes.Enabled)
            {
                for (var w = 1; w <= 2; w++)
                    Workers.Add(await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_folder, $"worker{w}"), Settings = CitusNodes.Settings }));
            }
            _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
            {
                DataDirectory = Path.Combine(_folder, "pgdata"),
                Settings = CitusNodes.Enabled ? CitusNodes.Settings : new Dictionary<string, string>(),
            });
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown();
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, migrated database; returns the owner's connection string.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string prefix)
    {
        var server = await GetAsync();
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        var owner = server.ConnectionString(name);
        if (CitusNodes.Enabled) await CitusNodes.PrepareDatabaseAsync(server, Workers, name);
        await PlatformDatabase.MigrateAsync(owner);
        if (CitusNodes.Enabled) await CitusNodes.DistributeAsync(owner);
        return owner;
    }

    /// <summary>A new, migrated database holding the demo tenants, as the server's first start loads them.</summary>
    public static async Task<string> CreateDemoDatabaseAsync(string prefix)
    {
        var owner = await CreateMigratedDatabaseAsync(prefix);
        await Application.Demo.DemoDataLoader.LoadAsync(owner, Application.Demo.DemoDataGenerator.Generate(Application.Demo.DemoDataGenerator.DemoTenants));
        return owner;
    }

    /// <summary>
    /// The test runner often ends the test process while <see cref="Shutdown"/> is still stopping the cluster, so
    /// its folder (about 100 MB) stays behind. Each run removes those of runs whose process has ended; a folder
    /// whose process still runs (another test run on this machine) is left alone.
    /// </summary>
    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(EmbeddedDefaults.ScratchRoot(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out var id) || IsRunning(id)) continue;
            try
            {
                StopLeftServers(folder);
                ScratchFolder.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is removing it at the same moment, or it is not ours to remove.
            }
        }
    }

    /// <summary>
    /// A run ended before its nodes had stopped (the Citus workers stop last) leaves them running on a folder about to
    /// be removed: each is asked to shut down fast (SIGINT to its postmaster), as pg_ctl stop -m fast does.
    /// </summary>
    private static void StopLeftServers(string folder)
    {
        foreach (var pidFile in Directory.EnumerateFiles(folder, "postmaster.pid", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            // The pid of a cluster that crashed may belong to another process by now: only the postgres started on this
            // very folder is signalled.
            if (!int.TryParse(first, out var postmaster) || !IsPostgresOn(postmaster, Path.GetDirectoryName(pidFile)!)) continue;
            using (var signal = System.Diagnostics.Process.Start("kill", ["-INT", first])) signal.WaitForExit();
            for (var waited = 0; waited < 100 && IsRunning(postmaster); waited++) Thread.Sleep(100);
        }
    }

    private static bool IsPostgresOn(int processId, string dataDirectory)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{processId}/cmdline").Split('\0');
            return Path.GetFileName(commandLine[0]) == "postgres" && commandLine.Contains(dataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Shutdown()
    {
        try
        {
            // All nodes at once: the test runner may end this process before a second stop in turn would begin.
            Task.WhenAll(Workers.Append(_server).OfType<EmbeddedPostgres>().Select(node => node.StopAsync())).GetAwaiter().GetResult();
            if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresStartException)
        {
            Console.Error.WriteLine($"Could not clean up the test cluster: {e.Message}");
        }
    }
}

/// <summary>Reading what is really in a test database: as its owner, past row-level security, on a connection of its own.</summary>
public static class OwnerQuery
{
    public static async Task<object?> ScalarAsync(string ownerConnectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ownerConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
