using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Minsheng.Api.Tests.Transport;

/// <summary>The GraphQL-over-HTTP rules of the endpoint, one test each.</summary>
[Collection(ApiCollection.Name)]
public sealed class TransportTests(ApiFactory factory)
{
    private HttpClient Http() => factory.CreateClient();

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.Add("X-Tenant", "411302");
        return request;
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0]
            .GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Get_runs_a_query()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ tenant { regionCode } }"));
        request.Headers.Add("X-Tenant", "411302");
        request.Headers.Add("Accept", "application/graphql-response+json");

        var response = await Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("\"regionCode\":\"411302\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { deletePlan(id: \"x\") { deletedId } }"));
        request.Headers.Add("X-Tenant", "411302");

        var response = await Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Other_methods_get_405_with_allow()
    {
        var response = await Http().SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.OrderBy(m => m));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Post_refuses_simple_content_types_with_415(string contentType)
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ tenant { name } }\"}", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[{\"query\":\"{ tenant { name } }\"}]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\":\"{ tenant { name } }\", \"variables\": [1]}")]
    [InlineData("{}")]
    public async Task Post_refuses_malformed_requests_with_400(string body)
    {
        var response = await Http().SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await CodeOf(response));
    }

    [Fact]
    public async Task A_parse_error_is_400_under_graphql_response_json()
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ tenant { \"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_PARSE_FAILED", await CodeOf(response));
    }

    [Fact]
    public async Task A_validation_error_is_200_under_legacy_application_json()
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ noSuchField }\"}", accept: "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", await CodeOf(response));
    }

    [Fact]
    public async Task A_validation_error_is_400_under_graphql_response_json()
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ noSuchField }\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", await CodeOf(response));
    }

    [Fact]
    public async Task Cached_documents_keep_their_verdicts()
    {
        var valid = JsonSerializer.Serialize(new { query = "query Cached($n: Int) { projects(first: $n) { totalCount } }", variables = new { n = 2 } });
        var invalid = JsonSerializer.Serialize(new { query = "{ projects(first: 2) { noSuchField } }" });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Http().SendAsync(Post(valid))).StatusCode);
            var refused = await Http().SendAsync(Post(invalid));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", await CodeOf(refused));
        }
        // Variables are still checked against their declared types on a document that passed validation.
        var wrongVariable = await Http().SendAsync(Post(JsonSerializer.Serialize(new
        {
            query = "query Cached($n: Int) { projects(first: $n) { totalCount } }",
            variables = new { n = "many" },
        })));
        Assert.Equal("BAD_USER_INPUT", await CodeOf(wrongVariable));
    }

    [Fact]
    public async Task An_unacceptable_accept_header_gets_406()
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ tenant { name } }\"}", accept: "text/html"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Without_accept_a_legacy_client_gets_application_json()
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ tenant { name } }\"}", accept: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json, application/graphql-response+json;q=0.9", "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    public async Task Accept_negotiation_follows_the_clients_preference(string accept, string expected)
    {
        var response = await Http().SendAsync(Post("{\"query\":\"{ tenant { name } }\"}", accept: accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused()
    {
        var deep = "{ projects(first: 1) { edges { node { plan { projects { plan { projects { plan { projects { plan { projects { plan { projects { id } } } } } } } } } } } } } }";
        var response = await Http().SendAsync(Post(JsonSerializer.Serialize(new { query = deep })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("QUERY_TOO_COMPLEX", await CodeOf(response));
    }

    [Fact]
    public async Task Errors_never_carry_stack_traces()
    {
        var response = await Http().SendAsync(Post(JsonSerializer.Serialize(new { query = "{ projects(first: 1000) { totalCount } }" })));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("BAD_USER_INPUT", await CodeOf(response));
        Assert.DoesNotContain(" at Minsheng.", body);
        Assert.DoesNotContain("stacktrace", body, StringComparison.OrdinalIgnoreCase);
    }
}
