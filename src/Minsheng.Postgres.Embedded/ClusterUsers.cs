using System.Diagnostics;
using System.Globalization;

namespace Minsheng.Postgres.Embedded;

/// <summary>
/// Who is using a cluster: one lease file per <see cref="EmbeddedPostgres"/> instance (a server, a CLI
/// command, a test run) in <c>&lt;data folder&gt;/minsheng-users</c>. The cluster is stopped only when the
/// last live user leaves, so a second process on the same checkout never shuts the database down under the
/// first. A lease names its process id and start time: a killed process leaves its file behind, and such a
/// stale lease (process gone, or the id reused by another process) does not count.
/// </summary>
internal sealed class ClusterUsers
{
    public const string FolderName = "minsheng-users";
    private const string LockFileName = ".lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(90);

    private readonly string _folder;

    public ClusterUsers(string dataDirectory) => _folder = Path.Combine(dataDirectory, FolderName);

    /// <summary>
    /// Holds an exclusive lock on the folder until disposed, so that starting or adopting the cluster plus
    /// taking a lease, and leaving plus stopping it, never interleave between processes. The operating system
    /// drops the lock when its holder dies.
    /// </summary>
    public Task<IDisposable> LockAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        return LockFileAsync(Path.Combine(_folder, LockFileName), ct);
    }

    /// <summary>An exclusive lock on <paramref name="path"/> until disposed, waiting for another holder to let go.</summary>
    public static async Task<IDisposable> LockFileAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                await Task.Delay(100, ct);
            }
            catch (IOException e)
            {
                throw new PostgresStartException($"Another process has held {path} for over {LockWait.TotalSeconds:0} s: {e.Message}");
            }
        }
    }

    /// <summary>Records this instance as a user. Call under <see cref="LockAsync"/>.</summary>
    public string TakeLease()
    {
        using var self = Process.GetCurrentProcess();
        var path = Path.Combine(_folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.lease");
        File.WriteAllText(path, $"{Environment.ProcessId}\n{StartTicks(self).ToString(CultureInfo.InvariantCulture)}\n");
        return path;
    }

    /// <summary>
    /// Removes a lease and the stale ones, and tells whether any live user remains. Call under <see cref="LockAsync"/>.
    /// </summary>
    public bool ReleaseAndCheckOthers(string lease)
    {
        File.Delete(lease);
        var others = false;
        foreach (var file in Directory.EnumerateFiles(_folder, "*.lease"))
        {
            if (IsLive(file)) others = true;
            else File.Delete(file);
        }
        return others;
    }

    /// <summary>Whether any live user holds a lease (stale ones are ignored). Call under <see cref="LockAsync"/>.</summary>
    public bool AnyLive() => Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*.lease").Any(IsLive);

    private static bool IsLive(string lease)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(lease);
        }
        catch (IOException)
        {
            return false;
        }
        if (lines.Length < 2 || !int.TryParse(lines[0], out var pid) || !long.TryParse(lines[1], CultureInfo.InvariantCulture, out var started))
            return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            // The same id with another start time is a new process that reused the id of a dead one.
            return Math.Abs(StartTicks(process) - started) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
