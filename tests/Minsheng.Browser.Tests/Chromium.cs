using System.Diagnostics;
using Microsoft.Playwright;

namespace Minsheng.Browser.Tests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (its own browser downloads are never used). tools/install-chromium.sh
/// installs chromium and a Chinese font from Debian's packages when they are missing (as root); without chromium the
/// tests fail saying what to install. MINSHENG_CHROMIUM names another executable.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of each page the tests visit: artifacts/browser at the root of the checkout.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "browser");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("MINSHENG_CHROMIUM") ?? "/usr/bin/chromium";
        await InstallAsync(executable);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            // As root in a container chromium needs --no-sandbox; the rest keep it from reaching for the network at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    private static async Task InstallAsync(string executable)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "install-chromium.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await install.StandardOutput.ReadToEndAsync() + await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        // Without the font the screenshots show boxes for Chinese text, and the tests still hold; without chromium nothing runs.
        if (!File.Exists(executable))
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {executable}; tools/install-chromium.sh could not install it:\n{output}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Minsheng.Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("The checkout's root (Minsheng.Platform.sln) was not found above the test's folder.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>One server and one browser for all browser tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ConsoleServer>, ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
