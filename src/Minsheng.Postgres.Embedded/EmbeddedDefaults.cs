namespace Minsheng.Postgres.Embedded;

/// <summary>Where the embedded default keeps its cluster, so the server and the CLI share one.</summary>
public static class EmbeddedDefaults
{
    public const int Port = 55432;

    /// <summary>
    /// <c>.minsheng/pgdata</c> at the repository root (the folder holding Minsheng.Platform.sln, searched
    /// upwards from the working folder), else under the user's local data folder; for root, whose home the
    /// unprivileged PostgreSQL user cannot enter, under /var/lib/minsheng.
    /// </summary>
    public static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Minsheng.Platform.sln"))) return Path.Combine(dir.FullName, ".minsheng", "pgdata");
        }
        return Environment.UserName == "root"
            ? "/var/lib/minsheng/pgdata"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "minsheng", "pgdata");
    }
}
