using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Minsheng.Postgres.Embedded;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>Folder of the cluster. Created by initdb when empty.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Superuser created by initdb; owns the database objects.</summary>
    public string Superuser { get; init; } = "minsheng_owner";

    /// <summary>Extra server settings, e.g. shared_buffers.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the cluster syncs its writes to disk. Off (the default) is faster and fine for tests and
    /// development; a machine crash can then corrupt the cluster, so anything holding real data turns it on.
    /// </summary>
    public bool Durable { get; init; }
}

/// <summary>
/// A private PostgreSQL cluster driven through initdb and pg_ctl. When the process runs as root the
/// cluster is run as the unprivileged <c>postgres</c> user (PostgreSQL refuses to run as root).
/// Several users (processes, or instances in one process) may share a cluster: each holds a lease, and
/// <see cref="StopAsync"/> stops the cluster only when the last live user leaves.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The folder inside the data folder that holds the users' leases.</summary>
    public const string UsersFolderName = ClusterUsers.FolderName;

    private readonly EmbeddedPostgresOptions _options;
    private readonly string _binDir;
    private readonly string? _runAsUser = ServerUser.RunAs;
    private readonly ClusterUsers _users;
    private string? _lease;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string binDir, int port)
    {
        _options = options;
        _binDir = binDir;
        _users = new ClusterUsers(options.DataDirectory);
        Port = port;
    }

    /// <summary>The port the cluster listens on; a cluster adopted from another user keeps its own.</summary>
    public int Port { get; private set; }

    /// <summary>True when start found a server already running on the folder and reused it.</summary>
    public bool WasAlreadyRunning { get; private set; }
    public string DataDirectory => _options.DataDirectory;
    public string Superuser => _options.Superuser;

    /// <summary>Connection string for the superuser, to the given database.</summary>
    public string ConnectionString(string database = "postgres", string? user = null) =>
        $"Host=127.0.0.1;Port={Port};Username={user ?? Superuser};Database={database}";

    /// <summary>Creates the cluster if needed and starts it; returns when it accepts connections.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var binDir = PostgresBinaries.Locate();
        var port = options.Port != 0 ? options.Port : FreePort();
        var pg = new EmbeddedPostgres(options with { DataDirectory = Path.GetFullPath(options.DataDirectory) }, binDir, port);
        await pg.InitializeIfEmptyAsync(ct);
        using (await pg._users.LockAsync(ct))
        {
            await pg.StartServerAsync(ct);
            pg._lease = pg._users.TakeLease();
        }
        return pg;
    }

    private async Task InitializeIfEmptyAsync(CancellationToken ct)
    {
        var dir = DataDirectory;
        if (File.Exists(Path.Combine(dir, "PG_VERSION"))) return;
        // Two processes starting on one empty folder at once must not both run initdb. The users' lock lives
        // inside the data folder, which initdb needs empty, so this one sits beside it.
        using var initLock = await ClusterUsers.LockFileAsync(dir.TrimEnd(Path.DirectorySeparatorChar) + ".init-lock", ct);
        if (File.Exists(Path.Combine(dir, "PG_VERSION"))) return;
        Directory.CreateDirectory(dir);
        if (Directory.EnumerateFileSystemEntries(dir).Any())
            throw new PostgresStartException($"The data folder {dir} is not empty and holds no PostgreSQL cluster; empty it or choose another.");
        GiveToRunUser(dir);
        await RunAsync("initdb", ["-D", dir, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        if (RunningServerPort() is { } runningPort)
        {
            // Another user's cluster, or one left running by a process killed before it could stop it: reuse
            // it when it listens where we want or someone still uses it (stopping it would cut them off);
            // otherwise stop it and start afresh on our port.
            if (runningPort == Port || _users.AnyLive())
            {
                Port = runningPort;
                WasAlreadyRunning = true;
                return;
            }
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ct);
        }
        RemoveStalePidFile();
        var logFile = Path.Combine(DataDirectory, "server.log");
        var settings = new Dictionary<string, string>
        {
            ["port"] = Port.ToString(),
            ["listen_addresses"] = "127.0.0.1",
            // No Unix socket: the default socket folder may not be writable by the cluster's user.
            ["unix_socket_directories"] = "''",
            ["fsync"] = _options.Durable ? "on" : "off",
            ["max_connections"] = "200",
        };
        foreach (var (k, v) in _options.Settings) settings[k] = v;
        var serverOptions = string.Join(' ', settings.Select(kv => $"-c {kv.Key}={kv.Value}"));
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"], ct,
            onFailure: () => File.Exists(logFile) ? TailOf(logFile) : "");
    }

    /// <summary>
    /// After a crash postmaster.pid may remain. PostgreSQL itself overwrites it when the pid is dead, but
    /// refuses when the pid was reused by another process; pg_ctl status tells the two apart.
    /// </summary>
    private void RemoveStalePidFile()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length > 0 && int.TryParse(lines[0], out var pid) && IsPostgresProcess(pid)) return;
        File.Delete(pidFile);
    }

    /// <summary>The port of a live server already running on this data folder, if any.</summary>
    private int? RunningServerPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[0], out var pid) && IsPostgresProcess(pid) && int.TryParse(lines[3], out var port)
            ? port
            : null;
    }

    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.ProcessName.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Leaves the cluster; stops it when no other live user remains. A second call does nothing.</summary>
    public async Task StopAsync()
    {
        if (_lease is not { } lease) return;
        _lease = null;
        using (await _users.LockAsync(CancellationToken.None))
        {
            if (_users.ReleaseAndCheckOthers(lease)) return;
            if (RunningServerPort() is null) return;
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct, Func<string>? onFailure = null)
    {
        var exe = Path.Combine(_binDir, tool);
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (_runAsUser is null)
        {
            psi.FileName = exe;
        }
        else
        {
            psi.FileName = ServerUser.RunUserTool;
            foreach (var a in new[] { "-u", _runAsUser, "--", exe }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new PostgresStartException($"Could not start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PostgresStartException($"Could not start {psi.FileName} for {tool}: {e.Message}");
        }
        using var started = process;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var details = onFailure?.Invoke() ?? "";
            throw new PostgresStartException(
                $"{tool} failed with exit code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()} {details}".Trim());
        }
    }

    /// <summary>When running as root the cluster runs as postgres, which must own the folder and reach it.</summary>
    private void GiveToRunUser(string dir)
    {
        if (_runAsUser is null) return;
        using var chown = Process.Start("chown", ["-R", _runAsUser, dir]);
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new PostgresStartException($"Could not give {dir} to the user {_runAsUser}.");
        // A folder under a private home (e.g. /root, mode 700) cannot be reached by that user even when it owns it.
        if (ServerUser.RunAsServerUser("test", "-w", dir) != 0)
            throw new PostgresStartException(
                $"The user {_runAsUser}, which runs PostgreSQL when started as root, cannot reach {dir}. " +
                $"Set Embedded:DataDirectory (Embedded__DataDirectory) to a folder it can reach, e.g. {EmbeddedDefaults.SharedRoot}/pgdata.");
    }

    private static string TailOf(string file)
    {
        try { return string.Join('\n', File.ReadLines(file).TakeLast(15)); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
