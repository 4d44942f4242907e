using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// Issue #16 §6, in Production: what a dashboard client is granted and nothing more — its trusted documents (and
/// Apollo's automatic persisted queries within them), its browser origins, its own rate.
/// </summary>
public sealed class DashboardClientTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Dashboard = "query Dashboard { projects(first: 5) { totalCount nodes { name } } }";
    private const string Other = "query Other { units { name } }";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<(string ClientId, string Secret, string Id)> RegisterAsync(string settings)
    {
        var admin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        var registered = (await admin.QueryAsync($"mutation {{ registerDashboardClient(input: {{ {settings} }}) {{ client {{ id clientId }} clientSecret }} }}"))
            .GetProperty("registerDashboardClient");
        return (registered.GetProperty("client").GetProperty("clientId").GetString()!, registered.GetProperty("clientSecret").GetString()!,
            registered.GetProperty("client").GetProperty("id").GetString()!);
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(string token, object body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null) request.Headers.Add("Origin", origin);
        var response = await factory.CreateClient().SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Code((int Status, JsonElement Body) response) =>
        response.Body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString()! : "none";

    private static object Apq(string hash, string? query = null) => query is null
        ? new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } }
        : new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    [Fact]
    public async Task A_client_locked_to_trusted_documents_runs_them_through_apollo_apq_and_nothing_else()
    {
        var (clientId, secret, _) = await RegisterAsync($"name: \"锁定大屏\", trustedDocumentsOnly: true, trustedDocuments: [\"{Hash(Dashboard)}\"]");
        var token = (await factory.ClientCredentialsAsync(clientId, secret)).AccessToken;
        var unlocked = (await factory.ClientCredentialsAsync(Minsheng.Identity.Development.DevelopmentAccounts.CountyClientId,
            Minsheng.Identity.Development.DevelopmentAccounts.CountyClientSecret)).AccessToken;

        // Apollo's link: the hash alone first; on PERSISTED_QUERY_NOT_FOUND, the hash with the text; then the hash alone works.
        var first = await SendAsync(token, Apq(Hash(Dashboard)));
        var register = await SendAsync(token, Apq(Hash(Dashboard), Dashboard));
        var again = await SendAsync(token, Apq(Hash(Dashboard)));
        var adHocTrusted = await SendAsync(token, new { query = Dashboard });
        var adHocOther = await SendAsync(token, new { query = Other });
        var registerOther = await SendAsync(token, Apq(Hash(Other), Other));
        var otherNotRegistered = await SendAsync(unlocked, Apq(Hash(Other)));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(first));
        Assert.Equal((200, "none"), (register.Status, Code(register)));
        Assert.Equal((200, "none"), (again.Status, Code(again)));
        Assert.True(again.Body.GetProperty("data").GetProperty("projects").GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(200, adHocTrusted.Status);
        Assert.Equal((403, "FORBIDDEN"), (adHocOther.Status, Code(adHocOther)));
        Assert.Equal((403, "FORBIDDEN"), (registerOther.Status, Code(registerOther)));
        // The refused registration left nothing behind for anyone.
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(otherNotRegistered));
    }

    [Fact]
    public async Task Browser_origins_are_answered_for_registered_clients_and_a_token_only_works_from_its_own()
    {
        var (clientId, secret, _) = await RegisterAsync("name: \"浏览器大屏\", allowedOrigins: [\"https://screen.wancheng.example\"]");
        var (otherId, otherSecret, _) = await RegisterAsync("name: \"另一块大屏\", allowedOrigins: [\"https://other.example\"]");
        var token = (await factory.ClientCredentialsAsync(clientId, secret)).AccessToken;

        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
            return await factory.CreateClient().SendAsync(request);
        }
        var registered = await PreflightAsync("https://screen.wancheng.example");
        var unknown = await PreflightAsync("https://evil.example");
        var own = await SendAsync(token, new { query = Dashboard }, "https://screen.wancheng.example");
        var foreignOrigin = await SendAsync(token, new { query = Dashboard }, "https://other.example");
        var noOrigin = await SendAsync(token, new { query = Dashboard });

        Assert.Equal("https://screen.wancheng.example", registered.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(unknown.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(200, own.Status);
        Assert.Equal((403, "FORBIDDEN"), (foreignOrigin.Status, Code(foreignOrigin)));
        Assert.False(foreignOrigin.Body.TryGetProperty("data", out _));
        // Server-side callers (curl, a backend) send no Origin: the token alone decides.
        Assert.Equal(200, noOrigin.Status);
        Assert.NotEqual(otherId, clientId);
        Assert.NotEmpty(otherSecret);
    }

    [Fact]
    public async Task A_clients_own_rate_is_enforced_with_429_and_retry_after_and_can_be_changed()
    {
        var (clientId, secret, id) = await RegisterAsync("name: \"限速大屏\", requestsPerSecond: 1");
        var token = (await factory.ClientCredentialsAsync(clientId, secret)).AccessToken;

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++) statuses.Add((await SendAsync(token, new { query = Other })).Status);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query = Other }), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var limited = await factory.CreateClient().SendAsync(request);
        var admin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);
        var changed = await admin.QueryAsync("mutation($id: ID!) { updateDashboardClient(input: { id: $id, requestsPerSecond: 500 }) { requestsPerSecond } }", new { id });
        var afterChange = await SendAsync(token, new { query = Other });

        // Burst of twice the rate, then refusals (with no timing assumption beyond "six requests are faster than four seconds").
        Assert.Equal([200, 200], statuses.Take(2));
        Assert.Contains(429, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(500, changed.GetProperty("updateDashboardClient").GetProperty("requestsPerSecond").GetInt32());
        Assert.Equal(200, afterChange.Status);
    }
}
