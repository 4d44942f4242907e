using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Minsheng.Api.Tests.Identity;
using Minsheng.Identity.Development;

namespace Minsheng.Api.Tests.Transport;

/// <summary>Production on a real socket behind a proxy on loopback, with a tight anonymous rate.</summary>
public sealed class BehindProxyFactory : KestrelApiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("RateLimits:AnonymousPerSecond", "1");
        builder.UseSetting("RateLimits:AnonymousBurst", "1");
    }
}

/// <summary>
/// Behind a TLS-terminating proxy (here: a caller on loopback, the default trusted proxy): the token endpoint, which
/// requires HTTPS outside Development, accepts the forwarded scheme, and anonymous callers get a rate bucket per
/// forwarded address rather than one for the proxy.
/// </summary>
public sealed class ProxyForwardingTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? forwardedFor = null, string? proto = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(factory.BaseUrl) };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_token_endpoint_needs_https_and_accepts_it_forwarded_by_the_proxy()
    {
        FormUrlEncodedContent Form() => new(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DevelopmentAccounts.CountyClientId,
            ["client_secret"] = DevelopmentAccounts.CountyClientSecret, ["scope"] = "read",
        });

        var plain = await SendAsync(HttpMethod.Post, "/connect/token", Form());
        var forwarded = await SendAsync(HttpMethod.Post, "/connect/token", Form(), proto: "https");

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Contains("access_token", await forwarded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_forwarded_address()
    {
        StringContent Body() => new("""{"query":"{ regions(parentCode: \"411300\") { code } }"}""", Encoding.UTF8, "application/json");

        var first = await SendAsync(HttpMethod.Post, "/graphql", Body(), "203.0.113.7");
        var again = await SendAsync(HttpMethod.Post, "/graphql", Body(), "203.0.113.7");
        var other = await SendAsync(HttpMethod.Post, "/graphql", Body(), "203.0.113.8");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
