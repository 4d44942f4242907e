using Minsheng.Identity.Development;
using Minsheng.Api.Tests.Identity;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Bugs;

/// <summary>Issue 14 §1: requests that used to answer 500, leak internals or cost seconds.</summary>
[Collection(ApiCollection.Name)]
public sealed class Bug14_HostileRequests(ApiFactory factory)
{
    private static HttpRequestMessage Post(byte[] body, string? tenant = "411302")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        return request;
    }

    private static HttpRequestMessage Post(string query, object? variables = null, string? tenant = "411302") =>
        Post(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }), tenant);

    private static async Task<(HttpStatusCode Status, string Code, string Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var code = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
        return (response.StatusCode, code, body);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_not_a_500()
    {
        // A valid request with one byte of the Chinese search text broken: the JSON is well-formed, the UTF-8 is not.
        var valid = JsonSerializer.SerializeToUtf8Bytes(new { query = "{ units(search: \"统计局\") { name } }" },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var broken = valid.ToArray();
        broken[Array.IndexOf(broken, (byte)0xE7) + 1] = 0xFF;

        var (status, code, body) = await SendAsync(factory.CreateClient(), Post(broken));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", code);
        Assert.DoesNotContain("   at ", body);
    }

    [Theory]
    [InlineData("{ units(search: \"a\\u0000b\") { name } }")]
    [InlineData("{ projects(filter: { search: \"\\u0000\" }) { totalCount } }")]
    [InlineData("{ units(search: \"\\ud800\") { name } }")]
    public async Task Nul_and_unpaired_surrogates_in_the_document_are_bad_input(string query)
    {
        var (status, code, body) = await SendAsync(factory.CreateClient(), Post(query));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", code);
        Assert.DoesNotContain("SqlState", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Nul_in_a_variable_is_bad_input()
    {
        var (status, code, _) = await SendAsync(factory.CreateClient(),
            Post("query($s: String) { units(search: $s) { name } }", new { s = "a\0b" }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", code);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_json_body_is_bad_input()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"query($s: String) { units(search: $s) { name } }\",\"variables\":{\"s\":\"\\ud800\"}}");

        var (status, code, _) = await SendAsync(factory.CreateClient(), Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", code);
    }

    [Fact]
    public async Task Twenty_thousand_aliases_are_refused_at_once()
    {
        var query = "{" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $" a{i}: projects(first: 100) {{ totalCount }}")) + " }";
        var http = factory.CreateClient();

        var watch = Stopwatch.StartNew();
        var (status, code, _) = await SendAsync(http, Post(query));
        watch.Stop();

        // Refused by the length of its text before it is even parsed.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("REQUEST_TOO_LARGE", code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task More_root_fields_than_the_cap_are_too_complex_even_through_fragments()
    {
        var aliases = "{" + string.Concat(Enumerable.Range(0, 21).Select(i => $" a{i}: projects(first: 1) {{ totalCount }}")) + " }";
        var viaFragment = "{ ...F } fragment F on Query {" + string.Concat(Enumerable.Range(0, 21).Select(i => $" a{i}: tenant {{ name }}")) + " }";
        var http = factory.CreateClient();

        Assert.Equal("QUERY_TOO_COMPLEX", (await SendAsync(http, Post(aliases))).Code);
        Assert.Equal("QUERY_TOO_COMPLEX", (await SendAsync(http, Post(viaFragment))).Code);
        // Twenty are fine.
        var twenty = "{" + string.Concat(Enumerable.Range(0, 20).Select(i => $" a{i}: projects(first: 1) {{ totalCount }}")) + " }";
        var response = await http.SendAsync(Post(twenty));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_fragment_bomb_is_too_complex()
    {
        // Each level doubles the fields: 2^20 selections from a few hundred bytes.
        var fragments = new StringBuilder("{ units { ...F0 } }");
        for (var i = 0; i < 20; i++) fragments.Append($" fragment F{i} on Unit {{ name ...F{i + 1} ...F{i + 1} }}");
        fragments.Append(" fragment F20 on Unit { name }");

        var (status, code, _) = await SendAsync(factory.CreateClient(), Post(fragments.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("QUERY_TOO_COMPLEX", code);
    }

    [Fact]
    public async Task A_long_list_in_the_variables_is_refused()
    {
        var ids = Enumerable.Range(0, 5_000).Select(i => $"id{i}").ToArray();

        var (status, code, _) = await SendAsync(factory.CreateClient(),
            Post("mutation($ids: [ID!]) { createProject(input: { planId: \"x\", sequence: \"1\", name: \"n\", leadUnitIds: $ids }) { id } }", new { ids }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_USER_INPUT", code);
    }

    [Fact]
    public async Task Execution_has_a_time_budget()
    {
        // A budget already spent: deterministic, where a 1 ms budget raced a fast, warm execution and sometimes lost.
        var hurried = factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:ExecutionTimeout", "00:00:00"));

        var (status, code, _) = await SendAsync(hurried.CreateClient(), Post("{ projects(first: 100) { totalCount edges { node { name indicators { label } } } } }"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TIMEOUT", code);
    }

    [Fact]
    public async Task Without_a_tenant_no_sql_touches_tenant_tables()
    {
        const string Read = "{ projects(first: 5) { totalCount edges { node { name } } } units { name } plans { title } regions { code } }";
        var anonymous = await new GraphQLClient(factory.CreateClient(), tenant: null).PostAsync(Read);
        // A region token that picked no tenant: allowed to read, but with no tenant there is nothing to read.
        var token = await factory.ClientCredentialsAsync(DevelopmentAccounts.ProvinceClientId, DevelopmentAccounts.ProvinceClientSecret);
        var response = await factory.Bearer(token.AccessToken).PostAsync(Read);

        // Anonymous: refused before anything runs.
        Assert.Equal(401, anonymous.Status);
        Assert.Equal(0, anonymous.SqlStatements);
        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(0, response.Data.GetProperty("projects").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, response.Data.GetProperty("units").GetArrayLength());
        // Only the shared regions were read: one statement in one round trip.
        Assert.Equal(1, response.SqlStatements);
        Assert.True(response.Data.GetProperty("regions").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Get_answers_are_private_and_vary_on_the_tenant_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ projects(first: 1) { totalCount } }"));
        request.Headers.Add("X-Tenant", "411302");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.Contains("X-Tenant", response.Headers.Vary);
        Assert.Contains("Authorization", response.Headers.Vary);
    }
}

/// <summary>Issue 14 §1 in the Production configuration, to a caller without a tenant.</summary>
public sealed class Bug14_ProductionErrors(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Nul_in_production_is_bad_input_without_any_internal_detail()
    {
        var client = new GraphQLClient(factory.CreateClient(), tenant: null);

        var response = await client.PostAsync("{ units(search: \"a\\u0000b\") { name } }");
        var text = response.Body.ToString();

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        foreach (var leak in new[] { "SqlState", "routine", "file", "line", "data", "Npgsql", "Exception" })
            Assert.DoesNotContain($"\"{leak}\"", text, StringComparison.OrdinalIgnoreCase);
    }
}
