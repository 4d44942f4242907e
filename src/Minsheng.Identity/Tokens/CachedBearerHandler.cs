using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// The API's authentication: a bearer token is validated by OpenIddict (signature, issuer, audience, lifetime) the
/// first time it is seen, and the result kept until the token expires, so a dashboard polling with the same token
/// pays for validation once rather than on every request (measured: about a fifth of the server's CPU per request
/// on the project page). The key is the whole token, signature included: only that exact token gets the cached
/// principal. Failures are not kept. Whether the user was disabled or the client revoked since is not part of
/// the token and is checked on every request anyway (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class CachedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ValidatedTokenCache cache, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "minsheng.bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token) return AuthenticateResult.NoResult();
        if (cache.TryGet(token, clock.GetUtcNow()) is { } known) return AuthenticateResult.Success(known);

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded && result.Principal.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, out var seconds))
        {
            var ticket = new AuthenticationTicket(result.Principal, SchemeName);
            cache.Add(token, ticket, DateTimeOffset.FromUnixTimeSeconds(seconds));
            return AuthenticateResult.Success(ticket);
        }
        return result.Succeeded ? AuthenticateResult.Success(new AuthenticationTicket(result.Principal, SchemeName)) : result;
    }

    /// <summary>The bearer token of the request's Authorization header, if it has one.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
}

/// <summary>Validated tokens until they expire; bounded (emptied when full, the next requests validate again).</summary>
public sealed class ValidatedTokenCache
{
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public AuthenticationTicket? TryGet(string token, DateTimeOffset now)
    {
        if (!_tokens.TryGetValue(token, out var entry)) return null;
        if (entry.Expires > now) return entry.Ticket;
        _tokens.TryRemove(token, out _);
        return null;
    }

    public void Add(string token, AuthenticationTicket ticket, DateTimeOffset expires)
    {
        if (_tokens.Count >= Capacity) _tokens.Clear();
        _tokens[token] = (ticket, expires);
    }
}
