using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Api.Tests.Identity;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests;

/// <summary>
/// The real server (Program) in process, on its own migrated database in the test run's PostgreSQL
/// cluster, as the non-owner application role, with the demo tenants loaded.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string OwnerConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        OwnerConnectionString = await PostgresCluster.CreateDemoDatabaseAsync("api");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString));
        // Webhook retries in a blink, so that a test sees back-off and giving up within a second or two.
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("Webhooks:RetryBase", "00:00:00.200");
        builder.UseSetting("Webhooks:MaxAttempts", "3");
        builder.AddDemoAccounts();
    }

    public GraphQLClient Client(string? tenant) => new(CreateClient(), tenant);

    /// <summary>A client that sends <paramref name="accessToken"/> as its bearer token (and no tenant header unless given).</summary>
    public GraphQLClient Bearer(string accessToken, string? tenant = null) => new(CreateClient(), tenant, accessToken);

    /// <summary>Signed in as a demo account through the real authorization code flow.</summary>
    public async Task<GraphQLClient> SignedInAsync(string userName, string? tenant = null) =>
        Bearer((await this.SignInAsync(userName)).AccessToken, tenant);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

public sealed record GraphQLResponse(int Status, JsonElement Body, HttpResponseMessage Message)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public string ErrorCode(int index = 0) => Body.GetProperty("errors")[index].GetProperty("extensions").GetProperty("code").GetString()!;

    public string ErrorMessage(int index = 0) => Body.GetProperty("errors")[index].GetProperty("message").GetString()!;

    public int SqlRoundTrips => int.Parse(Message.Headers.GetValues("X-Sql-Round-Trips").Single());

    public int SqlStatements => int.Parse(Message.Headers.GetValues("X-Sql-Statements").Single());
}

/// <summary>
/// Posts GraphQL documents with a bearer token, or as a tenant through the X-Tenant header (Development only, which acts
/// as the developer with every permission), and returns the parsed response.
/// </summary>
public sealed class GraphQLClient(HttpClient http, string? tenant, string? accessToken = null)
{
    public HttpClient Http => http;

    public string? AccessToken => accessToken;

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    /// <summary>
    /// Posts until the response costs one SQL round trip (at most five seconds): what a page costs once the assessments the
    /// first reader worked out have been stored in the background. Returns the last response either way.
    /// </summary>
    public async Task<GraphQLResponse> PostUntilOneRoundTripAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        for (var attempt = 0; attempt < 50 && response.SqlRoundTrips > 1; attempt++)
        {
            await Task.Delay(100);
            response = await PostAsync(query, variables);
        }
        return response;
    }

    /// <summary>Posts and fails the test on any GraphQL error.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(200, response.Status);
        return response.Data;
    }
}
