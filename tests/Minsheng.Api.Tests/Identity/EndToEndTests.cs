using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Identity;

/// <summary>The server on a real port (Kestrel), Development, demo data and accounts: what a newcomer runs.</summary>
public class KestrelApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _owner = "";

    public async Task InitializeAsync()
    {
        _owner = await PostgresCluster.CreateDemoDatabaseAsync("e2e");
        UseKestrel(0);
        StartServer();
        // Clients made by the factory (the sign-in helper's) go to the real socket too.
        ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    /// <summary>The base URL the server listens on, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(_owner));
        builder.AddDemoAccounts();
        Configure(builder);
    }

    /// <summary>What a derived factory changes (environment, settings).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public Task<object?> OwnerScalarAsync(string sql) => OwnerQuery.ScalarAsync(_owner, sql);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// Issue #16, the real flows end to end over HTTP on a real socket: the README's curl commands for a dashboard
/// (client credentials, then the project page), run as written with curl.
/// </summary>
public sealed partial class EndToEndTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    public async Task The_readme_curl_example_gets_a_token_and_reads_the_project_page()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "README.md"));
        var block = BashBlocks().Matches(readme).Select(m => m.Groups[1].Value).Single(b => b.Contains("/connect/token", StringComparison.Ordinal));
        var script = block.Replace("http://localhost:5080", factory.BaseUrl, StringComparison.Ordinal);

        using var bash = Process.Start(new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}: {error}");
        var data = JsonDocument.Parse(output).RootElement.GetProperty("data");
        Assert.Equal("CLIENT", data.GetProperty("me").GetProperty("kind").GetString());
        Assert.Equal("411302", data.GetProperty("me").GetProperty("tenant").GetString());
        Assert.Equal(["ReadTenantData"], data.GetProperty("me").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.True(data.GetProperty("projects").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task The_console_flow_signs_in_with_pkce_reads_and_writes_and_the_audit_names_the_user()
    {
        var http = new HttpClient { BaseAddress = new Uri(factory.BaseUrl) };
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var tokens = await factory.SignInAsync("411302-supervisor");
        var supervisor = new GraphQLClient(http, null, tokens.AccessToken);

        var me = (await supervisor.QueryAsync("{ me { kind actorId tenant permissions } }")).GetProperty("me");
        var created = (await supervisor.QueryAsync("mutation { createUnit(input: { name: \"区数据局\" }) { id name } }")).GetProperty("createUnit");

        Assert.Contains("authorization_code", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("USER", me.GetProperty("kind").GetString());
        Assert.Equal("user:411302-supervisor", me.GetProperty("actorId").GetString());
        Assert.Equal("区数据局", created.GetProperty("name").GetString());
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal("user:411302-supervisor", await factory.OwnerScalarAsync(
            "SELECT actor FROM audit_entries WHERE entity_type = 'Unit' AND after::text LIKE '%区数据局%'"));
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlocks();
}
