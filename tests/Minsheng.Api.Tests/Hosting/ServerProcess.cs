using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Minsheng.Api.Tests.Hosting;

/// <summary>The server's build output run with `dotnet`, in Production unless told otherwise, with only the given settings.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _url;

    private ServerProcess(Process process, string url)
    {
        _process = process;
        _url = url;
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Where it listens: <c>http://127.0.0.1:port</c>.</summary>
    public string Url => _url;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ServerProcess Start(Dictionary<string, string> settings, string environment = "Production")
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var bin = Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.Server", "bin", configuration, "net10.0");
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(bin, "Minsheng.Server.dll"));
        foreach (var inherited in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Embedded__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("OTEL_", StringComparison.Ordinal)
                     || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(inherited);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in settings) psi.Environment[key] = value;

        var process = new Process { StartInfo = psi };
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<bool> WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"{_url}/health")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Ctrl+C's signal, so the server shuts down as it would for an operator (and stops its cluster).</summary>
    public async Task StopAsync()
    {
        await SignalAsync("INT");
        if (!await WaitForExitAsync(TimeSpan.FromSeconds(30))) _process.Kill(entireProcessTree: true);
    }

    /// <summary>Sends a signal by name (TERM, as an orchestrator stops a container; KILL, as a crash) and returns at once.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
