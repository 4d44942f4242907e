using System.Net.Sockets;
using System.Text;
using Minsheng.Api.Tests.Hosting;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Operations;

/// <summary>
/// Issue 20 §5: stopped as an orchestrator stops it (SIGTERM), the server stops taking connections, finishes the
/// requests in flight — with the database still there — and only then stops its embedded cluster and exits cleanly.
/// </summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly string _folder = ScratchFolder.NewPath("minsheng-drain");

    [Fact]
    public async Task On_SIGTERM_the_request_in_flight_is_answered_from_the_database_before_the_database_stops()
    {
        var databasePort = ServerProcess.FreePort();
        using var server = ServerProcess.Start(new()
        {
            ["Embedded__Enabled"] = "true",
            ["Embedded__LoadDemoData"] = "true",
            ["Embedded__DataDirectory"] = Path.Combine(_folder, "pgdata"),
            ["Embedded__Port"] = databasePort.ToString(),
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), "Not ready:\n" + server.Output);
        var uri = new Uri(server.Url);

        // A request whose body is still arriving when the signal comes: the server has begun it and must finish it.
        var body = Encoding.UTF8.GetBytes("""{"query":"{ publicDisclosure(regionCode: \"411302\") { regionCode name } }"}""");
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /graphql HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body.AsMemory(0, 10));
        await stream.FlushAsync();
        await Task.Delay(300);

        await server.SignalAsync("TERM");
        var refused = await NewConnectionsRefusedAsync(uri, TimeSpan.FromSeconds(3));
        await stream.WriteAsync(body.AsMemory(10));
        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.True(refused, "New connections were still taken after SIGTERM.");
        Assert.StartsWith("HTTP/1.1 200", answer);
        Assert.Contains("\"regionCode\":\"411302\"", answer);
        Assert.True(exited, "The server did not exit after SIGTERM:\n" + server.Output);
        Assert.Equal(0, server.ExitCode);
        // And then the cluster went, with the server.
        var owner = $"Host=127.0.0.1;Port={databasePort};Username=minsheng_owner;Database=minsheng;Pooling=false;Timeout=3";
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OwnerQuery.ScalarAsync(owner, "SELECT 1"));
    }

    private static async Task<bool> NewConnectionsRefusedAsync(Uri uri, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port);
            }
            catch (SocketException)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    public void Dispose() => ScratchFolder.Delete(_folder);
}
