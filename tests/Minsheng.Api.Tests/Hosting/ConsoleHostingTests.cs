using System.Net;
using Minsheng.Api.Tests.Isolation;
using Minsheng.Server.Console;

namespace Minsheng.Api.Tests.Hosting;

/// <summary>
/// Issue 19: the console the server's build made, served by a Production server at / and at any of its own addresses
/// (a bookmark of /projects/… opens it), never in place of the server's own paths, with its cache and security headers.
/// </summary>
public sealed class ConsoleHostingTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/projects/UHJvamVjdDox")]
    [InlineData("/public/411302")]
    public async Task The_console_page_answers_its_own_addresses_with_its_policy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"></div>", html);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(ConsoleHosting.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Its_bundles_are_served_for_good_and_a_missing_one_is_a_plain_404()
    {
        var http = factory.CreateClient();
        var html = await http.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        var bundle = await http.GetAsync(script);
        var missing = await http.GetAsync("/assets/not-there-1234.js");

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("immutable", bundle.Headers.CacheControl?.ToString());
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 10_000, "the console's bundle itself");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/graphql/nothing")]
    [InlineData("GET", "/connect/nothing")]
    [InlineData("GET", "/health/nothing")]
    [InlineData("POST", "/projects")]
    public async Task The_servers_own_paths_and_other_methods_never_fall_back_to_the_console(string method, string path)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }
}
