using System.Security.Cryptography;
using System.Text;

namespace Minsheng.Postgres.Embedded;

/// <summary>A data folder chosen for the embedded default, and why it is not the usual one when it is not.</summary>
public sealed record DataFolderChoice(string Path, string? Reason = null);

/// <summary>Where the embedded default keeps its cluster, so the server and the CLI of one checkout share one.</summary>
public static class EmbeddedDefaults
{
    public const int Port = 55432;

    /// <summary>Where clusters live that the PostgreSQL user could not reach where they would usually be (root only).</summary>
    public const string SharedRoot = "/var/lib/minsheng";

    public static DataFolderChoice DataDirectory() =>
        DataDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>
    /// <c>.minsheng/pgdata</c> at the root of the checkout (the folder holding Minsheng.Platform.sln, searched
    /// upwards from each of <paramref name="startFolders"/> in turn). When the process runs as root, PostgreSQL
    /// runs as the postgres user; if that user cannot reach the checkout (a clone in /root, mode 700), the
    /// cluster goes to <c>/var/lib/minsheng/&lt;hash of the checkout path&gt;/pgdata</c> instead: one folder per
    /// checkout, the same for its server and CLI. Outside any checkout: the user's local data folder, or
    /// /var/lib/minsheng/pgdata for root.
    /// </summary>
    public static DataFolderChoice DataDirectory(params string[] startFolders)
    {
        if (FindCheckout(startFolders) is not { } checkout)
        {
            return new DataFolderChoice(ServerUser.RunAs is not null
                ? Path.Combine(SharedRoot, "pgdata")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "minsheng", "pgdata"));
        }
        var inCheckout = Path.Combine(checkout, ".minsheng", "pgdata");
        if (ServerUser.CanReach(inCheckout)) return new DataFolderChoice(inCheckout);
        return new DataFolderChoice(Path.Combine(SharedRoot, CheckoutKey(checkout), "pgdata"),
            $"the user {ServerUser.RunAs}, which runs PostgreSQL for root, cannot reach {inCheckout}");
    }

    /// <summary>
    /// A folder for throwaway clusters (tests, tools): the temporary folder, unless the PostgreSQL user cannot
    /// reach it (a TMPDIR inside root's home), then one under <see cref="SharedRoot"/>.
    /// </summary>
    public static string ScratchRoot()
    {
        var temp = Path.GetTempPath();
        return ServerUser.CanReach(temp) ? temp : Path.Combine(SharedRoot, "scratch");
    }

    /// <summary>Short and stable for a checkout path, so two checkouts never share a cluster.</summary>
    public static string CheckoutKey(string checkout) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(checkout).TrimEnd('/'))))[..12];

    private static string? FindCheckout(IEnumerable<string> startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Minsheng.Platform.sln"))) return dir.FullName;
            }
        }
        return null;
    }
}
