using Minsheng.Api.Tests.Identity;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.GraphQL.Transport;

namespace Minsheng.Api.Tests.Transport;

/// <summary>Dashboards send a persisted document's id instead of its text.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersistedDocumentTests(ApiFactory factory)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string queryString)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        request.Headers.Add("X-Tenant", "411302");
        request.Headers.Add("Accept", "application/graphql-response+json");
        var response = await factory.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_dashboard_gets_the_project_page_by_document_id()
    {
        var store = factory.Services.GetRequiredService<PersistedDocumentStore>();
        var hash = PersistedDocumentStore.IdOf(store.Documents["ProjectPage"]);

        var byHash = await GetAsync($"documentId={Uri.EscapeDataString(hash)}&variables={Uri.EscapeDataString("{\"first\":3}")}");
        var byName = await GetAsync("documentId=ProjectPage");

        Assert.Equal(HttpStatusCode.OK, byHash.Status);
        Assert.Equal(3, byHash.Body.GetProperty("data").GetProperty("projects").GetProperty("edges").GetArrayLength());
        Assert.Equal(15, byName.Body.GetProperty("data").GetProperty("projects").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Every_shipped_document_runs_against_the_current_schema()
    {
        var store = factory.Services.GetRequiredService<PersistedDocumentStore>();
        var client = factory.Client("411302");

        // A region's big screen is asked by the province's analyst; the rest by a county.
        var analyst = factory.Bearer((await factory.SignInAsync("henan-analyst", scope: "openid read")).AccessToken);
        var variables = new Dictionary<string, object> { ["RegionDashboard"] = new { regionCode = "410000", year = 2024 } };
        foreach (var (name, text) in store.Documents.Where(d => !d.Key.StartsWith("sha256:", StringComparison.Ordinal)))
        {
            var response = await (name == "RegionDashboard" ? analyst : client).PostAsync(text, variables.GetValueOrDefault(name));
            Assert.False(response.HasErrors, $"{name}: {response.Body}");
        }
        Assert.True(store.Documents.Count >= 6);
    }

    [Theory]
    [InlineData("documentId=sha256%3Adeadbeef", "PERSISTED_QUERY_NOT_FOUND")]
    [InlineData("documentId=ProjectPage&query=%7Btenant%7Bname%7D%7D", "BAD_REQUEST")]
    public async Task Unknown_or_ambiguous_document_requests_are_refused(string queryString, string code)
    {
        var (status, body) = await GetAsync(queryString);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
