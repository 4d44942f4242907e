using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.Identity.Store;
using Minsheng.Identity.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Clients;

/// <summary>What registering a client gives back: the client, and its secret, which is shown this once and never stored in clear.</summary>
public sealed record RegisteredClient(DashboardClient Client, string ClientSecret);

/// <summary>The settings of a client a tenant administrator registers.</summary>
public sealed record ClientRegistration(string Name, IReadOnlyList<string> AllowedOrigins, bool TrustedDocumentsOnly,
    IReadOnlyList<string> TrustedDocuments, int? RequestsPerSecond);

/// <summary>
/// Dashboard clients: registered (an OpenIddict confidential client allowed client credentials and the read scope,
/// plus the settings the API enforces), listed and revoked, always within one tenant (or, for the platform, one
/// region). Revoking deletes the OAuth client, so no new token is issued, and refuses the client's tokens already
/// issued (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class DashboardClients(AccessDbContext db, IOpenIddictApplicationManager applications, AccessRevocations revocations, TimeProvider clock)
{
    public const int MaxOrigins = 20;
    public const int MaxTrustedDocuments = 500;

    public async Task<RegisteredClient> RegisterAsync(ClientRegistration registration, Guid? tenantId, string? regionCode, string createdBy,
        CancellationToken ct, string? clientId = null, string? secret = null)
    {
        var name = registration.Name.Trim();
        if (name.Length is 0 or > 100) throw DomainException.Invalid("name", "A client needs a name of at most 100 characters.");
        var origins = registration.AllowedOrigins.Select(o => NormalizeOrigin(o)).Distinct(StringComparer.Ordinal).ToArray();
        if (origins.Length > MaxOrigins) throw DomainException.Invalid("allowedOrigins", $"At most {MaxOrigins} origins.");
        var documents = registration.TrustedDocuments.Select(d => d.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (documents.Length > MaxTrustedDocuments) throw DomainException.Invalid("trustedDocuments", $"At most {MaxTrustedDocuments} documents.");
        if (documents.FirstOrDefault(d => d.Length != 64 || !d.All(char.IsAsciiHexDigit)) is { } bad)
            throw DomainException.Invalid("trustedDocuments", $"'{bad}' is not a SHA-256 hash in hex (64 characters).");
        if (registration.RequestsPerSecond is < 1 or > 10_000)
            throw DomainException.Invalid("requestsPerSecond", "Requests per second must be between 1 and 10000.");

        clientId ??= "dashboard-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        secret ??= Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new DashboardClient
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            Name = name,
            TenantId = tenantId,
            RegionCode = regionCode,
            AllowedOrigins = origins,
            TrustedDocuments = documents,
            TrustedDocumentsOnly = registration.TrustedDocumentsOnly,
            RequestsPerSecond = registration.RequestsPerSecond,
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow(),
        };
        // A region's client (registered by the platform) belongs to no tenant.
        await using var transaction = tenantId is { } owner ? await db.BeginTenantTransactionAsync(owner, ct) : await db.Database.BeginTransactionAsync(ct);
        db.DashboardClients.Add(client);
        await db.SaveChangesAsync(ct);
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + ApiScopes.Read },
        }, ct);
        await transaction.CommitAsync(CancellationToken.None);
        return new RegisteredClient(client, secret);
    }

    public async Task<List<DashboardClient>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        return await db.DashboardClients.AsNoTracking().Where(c => c.TenantId == tenantId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
    }

    /// <summary>The tenant's client of that id; another tenant's client is "not found", exactly like one that does not exist.</summary>
    public async Task<DashboardClient> RevokeAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        var client = await db.DashboardClients.SingleOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, ct)
            ?? throw DomainException.NotFound("DashboardClient", id);
        if (client.RevokedAt is null)
        {
            client.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application) await applications.DeleteAsync(application, ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
        revocations.Forget(TokenClaims.ClientKind, client.ClientId);
        return client;
    }

    /// <summary>The client's settings by OAuth client id, for the API's per-request checks (cached by the caller).</summary>
    public Task<DashboardClient?> FindAsync(string clientId, CancellationToken ct) =>
        db.DashboardClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct);

    private static string NormalizeOrigin(string origin)
    {
        if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/")
            throw DomainException.Invalid("allowedOrigins", $"'{origin}' is not an origin such as https://dashboard.example.cn.");
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
