namespace Minsheng.Postgres.Embedded;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl, postgres).</summary>
public static class PostgresBinaries
{
    /// <summary>Environment variable naming the folder that holds initdb and pg_ctl.</summary>
    public const string BinDirVariable = "MINSHENG_PG_BIN";

    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them " +
        "(Debian/Ubuntu: `apt-get install postgresql`), or set " + BinDirVariable + " to the folder that holds them " +
        "(e.g. /usr/lib/postgresql/15/bin), or set ConnectionStrings__Minsheng to use an existing server.";

    public static string Locate() => Locate(Candidates());

    /// <summary>The first folder holding both initdb and pg_ctl, or the install hint as an exception.</summary>
    public static string Locate(IEnumerable<string> candidates)
    {
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;
        }
        throw new PostgresNotFoundException(InstallHint);
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(BinDirVariable) is { Length: > 0 } configured) yield return configured;
        // Debian keeps server binaries out of PATH, one folder per major version; prefer the newest.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql")
                         .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                yield return Path.Combine(version, "bin");
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            yield return dir;
        yield return "/usr/local/pgsql/bin";
    }
}

public sealed class PostgresNotFoundException(string message) : Exception(message);

public sealed class PostgresStartException(string message) : Exception(message);
