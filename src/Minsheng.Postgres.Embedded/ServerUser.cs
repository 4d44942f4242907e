using System.Diagnostics;

namespace Minsheng.Postgres.Embedded;

/// <summary>
/// The operating-system user PostgreSQL runs as. PostgreSQL refuses to run as root, so a process running as
/// root runs the cluster as the unprivileged <c>postgres</c> user, which must be able to reach its folder.
/// </summary>
internal static class ServerUser
{
    /// <summary>The user to run the server tools as, or null to run them as the current user.</summary>
    public static string? RunAs { get; } = IsRoot() ? "postgres" : null;

    /// <summary>runuser lives in /usr/sbin, which a root shell's PATH does not always include.</summary>
    public static string RunUserTool =>
        File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : File.Exists("/sbin/runuser") ? "/sbin/runuser" : "runuser";

    /// <summary>
    /// Whether the server user can use <paramref name="folder"/>: it needs to pass through every parent, so
    /// the nearest folder of the path that exists already must be searchable by it (a folder under a private
    /// home such as /root, mode 700, is not, even when the server user would own the folder itself).
    /// </summary>
    public static bool CanReach(string folder)
    {
        if (RunAs is null) return true;
        var existing = new DirectoryInfo(Path.GetFullPath(folder));
        while (existing is { Exists: false }) existing = existing.Parent;
        if (existing is null) return false;
        return RunAsServerUser("test", "-x", existing.FullName) == 0;
    }

    /// <summary>Runs a short command as the server user and returns its exit code.</summary>
    public static int RunAsServerUser(params string[] command)
    {
        var psi = new ProcessStartInfo(RunUserTool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-u", RunAs!, "--" }.Concat(command)) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi) ?? throw new PostgresStartException($"Could not start {RunUserTool}.");
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PostgresStartException($"Could not start {RunUserTool} to run PostgreSQL as {RunAs}: {e.Message}");
        }
    }

    private static bool IsRoot()
    {
        if (Environment.UserName == "root") return true;
        try
        {
            return File.ReadAllText("/proc/self/status").Split('\n').FirstOrDefault(l => l.StartsWith("Uid:"))
                ?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
