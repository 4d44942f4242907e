using System.Diagnostics;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Testing;

/// <summary>Folders for tests that run clusters of their own, in a place the database user can reach.</summary>
public static class ScratchFolder
{
    public static string NewPath(string prefix) => Path.Combine(EmbeddedDefaults.ScratchRoot(), $"{prefix}-{Guid.NewGuid():N}");

    /// <summary>
    /// Deletes a test's folder. A failed test may leave a cluster running in it (whose users' leases may even
    /// look alive, being this process): it is stopped first with a fast shutdown, as pg_ctl would ask for.
    /// </summary>
    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var pidFile in Directory.EnumerateFiles(folder, "postmaster.pid", SearchOption.AllDirectories))
        {
            if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) continue;
            try
            {
                using var postmaster = Process.GetProcessById(pid);
                using (var signal = Process.Start("kill", ["-INT", pid.ToString()])) signal.WaitForExit();
                postmaster.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (ArgumentException)
            {
                // Not running.
            }
        }
        Directory.Delete(folder, recursive: true);
    }
}
