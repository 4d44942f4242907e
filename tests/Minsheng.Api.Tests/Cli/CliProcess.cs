using System.Diagnostics;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Cli;

/// <summary>The <c>minsheng</c> command line as its own process, built in the tests' configuration: exit code and everything it printed.</summary>
internal static class CliProcess
{
    public static Task<(int Code, string Output)> RunAsync(params string[] args) => RunWithPasswordAsync(null, args);

    /// <summary>With MINSHENG_PASSWORD set to <paramref name="password"/>, or unset when null.</summary>
    public static Task<(int Code, string Output)> RunWithPasswordAsync(string? password, params string[] args) =>
        RunWithEnvironmentAsync(new() { ["MINSHENG_PASSWORD"] = password }, args);

    /// <summary>With these environment variables set (or removed, when null); the owner connection variable is always removed.</summary>
    public static async Task<(int Code, string Output)> RunWithEnvironmentAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.Cli", "bin", configuration, "net10.0", "minsheng.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("MINSHENG_PASSWORD");
        psi.Environment.Remove("ConnectionStrings__MinshengOwner");
        foreach (var (name, value) in environment)
        {
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
