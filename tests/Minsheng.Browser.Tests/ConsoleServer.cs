using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data;
using Minsheng.Identity.Development;
using Minsheng.Testing;

namespace Minsheng.Browser.Tests;

/// <summary>
/// The real server on a real port, Development, with the demo tenants and accounts: what a newcomer's
/// `dotnet run` serves, console included. The port is chosen before the start because the console's sign-in
/// returns to it (a redirect URI of the console client must be registered exactly).
/// </summary>
public sealed class ConsoleServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _owner = "";
    private int _port;

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        _owner = await PostgresCluster.CreateDemoDatabaseAsync("web");
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        UseKestrel(_port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(_owner));
        builder.UseSetting("Identity:ConsoleRedirectUris:0", $"http://127.0.0.1:{_port}/callback");
        builder.ConfigureTestServices(services => services.AddHostedService<DevelopmentAccounts>());
    }

    /// <summary>A query as the tenant's developer (Development's X-Tenant): what the test needs to know, not what it checks.</summary>
    public async Task<JsonElement> DeveloperQueryAsync(string tenant, string query, object? variables = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Tenant", tenant);
        using var response = await http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
