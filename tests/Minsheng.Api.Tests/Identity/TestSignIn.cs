using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Development;

namespace Minsheng.Api.Tests.Identity;

public sealed record TokenSet(string AccessToken, string? RefreshToken, JsonElement Response);

/// <summary>
/// Gets tokens the way real clients do, over HTTP against the server in process: the console's authorization code
/// flow with PKCE (login form, antiforgery, cookie, redirects, code exchange) and a dashboard's client credentials.
/// No shortcut: every test that signs in exercises the real OpenIddict server.
/// </summary>
public static partial class TestSignIn
{
    public const string RedirectUri = "http://localhost:5080/callback";

    /// <summary>The demo accounts (DevelopmentAccounts) in this server's database, whatever its environment.</summary>
    public static void AddDemoAccounts(this Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddHostedService<DevelopmentAccounts>());

    public static async Task<TokenSet> SignInAsync<T>(this WebApplicationFactory<T> factory, string userName, string password = DevelopmentAccounts.Password,
        string scope = "openid offline_access read write") where T : class
    {
        var (status, tokens, error) = await TryAuthorizationCodeAsync(factory, userName, password, scope);
        return tokens ?? throw new InvalidOperationException($"Sign-in of {userName} failed ({status}): {error}");
    }

    /// <summary>The whole authorization code + PKCE flow; on failure, the status and page or error where it stopped.</summary>
    public static async Task<(HttpStatusCode Status, TokenSet? Tokens, string? Error)> TryAuthorizationCodeAsync<T>(WebApplicationFactory<T> factory,
        string userName, string password, string scope) where T : class
    {
        // A browser: keeps cookies, shows each redirect. On a real socket (Kestrel) the factory's own clients follow
        // redirects whatever they are told, so a plain handler stands in.
        var browser = factory is KestrelApiFactory
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = factory.ClientOptions.BaseAddress }
            : factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(8));
        var authorize = "/connect/authorize?" + Query(new()
        {
            ["client_id"] = ConsoleClientRegistration.ClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state,
        });

        var toLogin = await browser.GetAsync(authorize);
        if (toLogin.StatusCode != HttpStatusCode.Redirect) return (toLogin.StatusCode, null, await toLogin.Content.ReadAsStringAsync());
        var loginPage = await browser.GetAsync(toLogin.Headers.Location);
        var html = await loginPage.Content.ReadAsStringAsync();
        var form = HiddenInputs().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["username"] = userName;
        form["password"] = password;
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) return (signedIn.StatusCode, null, await signedIn.Content.ReadAsStringAsync());

        var back = await browser.GetAsync(signedIn.Headers.Location);
        var callback = back.Headers.Location;
        if (back.StatusCode != HttpStatusCode.Redirect || callback is null || !callback.ToString().StartsWith(RedirectUri, StringComparison.Ordinal))
            return (back.StatusCode, null, callback?.ToString() ?? await back.Content.ReadAsStringAsync());
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        if (parameters.TryGetValue("error", out var error)) return (back.StatusCode, null, $"{error}: {parameters["error_description"]}");
        if (parameters["state"] != state) throw new InvalidOperationException("The state did not come back unchanged.");

        return await TokenAsync(factory, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = parameters["code"]!, ["redirect_uri"] = RedirectUri,
            ["client_id"] = ConsoleClientRegistration.ClientId, ["code_verifier"] = verifier,
        });
    }

    public static async Task<TokenSet> RefreshAsync<T>(this WebApplicationFactory<T> factory, string refreshToken) where T : class =>
        (await TokenAsync(factory, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ConsoleClientRegistration.ClientId }))
        .Tokens ?? throw new InvalidOperationException("The refresh was refused.");

    public static async Task<TokenSet> ClientCredentialsAsync<T>(this WebApplicationFactory<T> factory, string clientId, string secret, string scope = "read")
        where T : class =>
        (await TokenAsync(factory, new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope }))
        .Tokens ?? throw new InvalidOperationException($"The client {clientId} got no token.");

    /// <summary>A request to the token endpoint: the tokens, or the status and OAuth error.</summary>
    public static async Task<(HttpStatusCode Status, TokenSet? Tokens, string? Error)> TokenAsync<T>(WebApplicationFactory<T> factory, Dictionary<string, string> form)
        where T : class
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (!response.IsSuccessStatusCode) return (response.StatusCode, null, json.TryGetProperty("error", out var e) ? e.GetString() : json.ToString());
        return (response.StatusCode, new TokenSet(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, json), null);
    }

    private static string Query(Dictionary<string, string> values) => string.Join('&', values.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInputs();
}
