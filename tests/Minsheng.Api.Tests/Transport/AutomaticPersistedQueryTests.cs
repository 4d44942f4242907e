using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Minsheng.Api.Tests.Transport;

/// <summary>
/// Apollo Client's persisted-query link, spoken as it speaks it: hash only (GET), "not found", then hash and text
/// (POST), then hash only again. Before, a hash-only request was a 400 "no query" and the link gave up.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AutomaticPersistedQueryTests(ApiFactory factory)
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Extensions(string hash) => JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } });

    private static HttpRequestMessage Get(string hash)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + Uri.EscapeDataString(Extensions(hash)));
        request.Headers.Add("X-Tenant", "411302");
        return request;
    }

    private static HttpRequestMessage Post(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Tenant", "411302");
        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task An_unknown_hash_is_not_found_then_registered_then_served_by_hash_alone()
    {
        var http = factory.CreateClient();
        // Unique per run: the registrations live as long as the server.
        var query = $"{{ projects(first: 2) {{ totalCount }} tenant {{ regionCode }} }} # {Guid.NewGuid():N}";
        var hash = Sha256(query);

        var (firstStatus, first) = await SendAsync(http, Get(hash));
        var (registerStatus, register) = await SendAsync(http, Post(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } }));
        var (againStatus, again) = await SendAsync(http, Get(hash));

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        var error = first.GetProperty("errors")[0];
        Assert.Equal("PersistedQueryNotFound", error.GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, registerStatus);
        Assert.Equal("411302", register.GetProperty("data").GetProperty("tenant").GetProperty("regionCode").GetString());
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(15, again.GetProperty("data").GetProperty("projects").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Text_that_does_not_parse_within_the_limits_is_not_registered()
    {
        var http = factory.CreateClient();
        var junk = $"{{ not graphql ((( {Guid.NewGuid():N}";
        var tooWide = "{" + string.Concat(Enumerable.Range(0, 25).Select(i => $" a{i}: __typename")) + $" }} # {Guid.NewGuid():N}";

        foreach (var text in new[] { junk, tooWide })
        {
            await SendAsync(http, Post(new { query = text, extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(text) } } }));
            var (_, byHash) = await SendAsync(http, Get(Sha256(text)));
            Assert.Equal("PERSISTED_QUERY_NOT_FOUND", byHash.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_hash_that_does_not_match_its_text_is_refused()
    {
        var (status, body) = await SendAsync(factory.CreateClient(),
            Post(new { query = "{ tenant { name } }", extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('a', 64) } } }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_shipped_trusted_document_answers_to_its_hash_without_registration()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "src", "Minsheng.GraphQL", "PersistedDocuments", "PlanOverview.graphql"));

        var (status, body) = await SendAsync(factory.CreateClient(), Get(Sha256(text)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
    }

    [Fact]
    public async Task Switched_off_only_the_trusted_documents_answer_to_a_hash()
    {
        var locked = factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:AutomaticPersistedQueries", "false")).CreateClient();
        var query = $"{{ tenant {{ name }} }} # {Guid.NewGuid():N}";

        var (_, registered) = await SendAsync(locked, Post(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } } }));
        var (status, byHash) = await SendAsync(locked, Get(Sha256(query)));

        Assert.False(registered.TryGetProperty("errors", out _), registered.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", byHash.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
