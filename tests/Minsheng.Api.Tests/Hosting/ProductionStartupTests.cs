using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Minsheng.Postgres.Embedded;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Hosting;

/// <summary>
/// Issue #14: the real server process, started as an operator would, in Production. Without a connection
/// string it used to start a private cluster with demo data and print the development tenant hint.
/// </summary>
public sealed class ProductionStartupTests : IDisposable
{
    private readonly string _folder = ScratchFolder.NewPath("minsheng-prod");

    private string DataDirectory => Path.Combine(_folder, "pgdata");

    [Fact]
    public async Task Without_a_connection_string_the_server_refuses_to_start_with_one_clear_message()
    {
        using var server = ServerProcess.Start(new() { ["Embedded__DataDirectory"] = DataDirectory, ["Embedded__Port"] = "0" });

        var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, "The server kept running:\n" + server.Output);
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("No database is configured for the Production environment", server.Output);
        Assert.Contains("ConnectionStrings__Minsheng", server.Output);
        Assert.DoesNotContain("   at ", server.Output);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "PG_VERSION")), "A cluster was created.");
    }

    [Fact]
    public async Task Asked_for_the_embedded_database_it_starts_durable_without_demo_data_or_development_hints()
    {
        var databasePort = FreePort();
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__Enabled"] = "true",
            ["Embedded__DataDirectory"] = DataDirectory,
            ["Embedded__Port"] = databasePort.ToString(),
        });

        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        var owner = $"Host=127.0.0.1;Port={databasePort};Username=minsheng_owner;Database=minsheng;Pooling=false;Timeout=5";
        var (tenants, fsync) = await TenantsAndFsyncAsync(owner);
        await server.StopAsync();

        Assert.Equal(0L, tenants);
        Assert.Equal("on", fsync);
        Assert.Contains("GraphQL endpoint", server.Output);
        Assert.DoesNotContain("X-Tenant", server.Output);
        // The server was the cluster's only user: it stopped it on the way out.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => TenantsAndFsyncAsync(owner));
    }

    /// <summary>Issue #16: the demo accounts have a published password; a production trial with demo data gets none of them.</summary>
    [Fact]
    public async Task A_production_trial_with_demo_data_has_no_demo_accounts()
    {
        var databasePort = FreePort();
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__Enabled"] = "true",
            ["Embedded__LoadDemoData"] = "true",
            ["Embedded__DataDirectory"] = DataDirectory,
            ["Embedded__Port"] = databasePort.ToString(),
        });

        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        var owner = $"Host=127.0.0.1;Port={databasePort};Username=minsheng_owner;Database=minsheng;Pooling=false;Timeout=5";
        var (tenants, _) = await TenantsAndFsyncAsync(owner);
        var users = await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM identity_users");
        var clients = await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM dashboard_clients");
        await server.StopAsync();

        Assert.True(tenants > 0, "the demo tenants were loaded");
        Assert.Equal(0L, users);
        Assert.Equal(0L, clients);
    }

    private static async Task<(long Tenants, string Fsync)> TenantsAndFsyncAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM tenants), current_setting('fsync')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => ScratchFolder.Delete(_folder);

    /// <summary>The server's build output run with `dotnet`, in Production, with only the given settings.</summary>
    private sealed class ServerProcess : IDisposable
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

        public static ServerProcess Start(Dictionary<string, string> settings)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var bin = Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.Server", "bin", configuration, "net10.0");
            var url = $"http://127.0.0.1:{FreePort()}";
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Path.Combine(bin, "Minsheng.Server.dll"));
            foreach (var inherited in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                         || k.StartsWith("Embedded__", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
                psi.Environment.Remove(inherited);
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
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
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(30))) _process.Kill(entireProcessTree: true);
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
}
