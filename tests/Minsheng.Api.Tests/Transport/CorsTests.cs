using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Minsheng.Api.Tests.Transport;

/// <summary>A dashboard on an allowed origin can call the API from a browser; others get no CORS grant.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorsTests(ApiFactory factory)
{
    private HttpClient Client() => factory.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://dashboard.example")).CreateClient();

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-tenant");
        return request;
    }

    [Fact]
    public async Task An_allowed_origin_passes_the_preflight()
    {
        var response = await Client().SendAsync(Preflight("https://dashboard.example"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://dashboard.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_response_to_an_allowed_origin_carries_the_grant()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ tenant { name } }\"}") };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Origin", "https://dashboard.example");
        request.Headers.Add("X-Tenant", "411302");

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://dashboard.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Another_origin_gets_no_grant()
    {
        var client = Client();
        var allowed = await client.SendAsync(Preflight("https://dashboard.example"));
        var response = await client.SendAsync(Preflight("https://elsewhere.example"));

        // The same server grants the configured origin, so the missing grant is the policy, not CORS being off.
        Assert.True(allowed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
