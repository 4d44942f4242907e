using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.Identity.Store;
using Minsheng.Identity.Tokens;
using Minsheng.Tenancy;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Clients;

/// <summary>What registering a client gives back: the client, and its secret, which is shown this once and never stored in clear.</summary>
public sealed record RegisteredClient(DashboardClient Client, string ClientSecret);

/// <summary>A change of a client's settings; null leaves a setting as it is.</summary>
public sealed record ClientChange(string? Name, IReadOnlyList<string>? AllowedOrigins, bool? TrustedDocumentsOnly, IReadOnlyList<string>? TrustedDocuments,
    int? RequestsPerSecond);

/// <summary>The settings of a client a tenant administrator registers.</summary>
public sealed record ClientRegistration(string Name, IReadOnlyList<string> AllowedOrigins, bool TrustedDocumentsOnly,
    IReadOnlyList<string> TrustedDocuments, int? RequestsPerSecond);

/// <summary>
/// Dashboard clients: registered (an OpenIddict confidential client allowed client credentials and the read scope,
/// plus the settings the API enforces), listed and revoked, always within one tenant (or, for the platform, one
/// region). Revoking deletes the OAuth client, so no new token is issued, and refuses the client's tokens already
/// issued (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class DashboardClients(AccessDbContext db, IOpenIddictApplicationManager applications, AccessRevocations revocations, DashboardOrigins origins,
    ICallerAccessor caller, TimeProvider clock)
{
    public const int MaxOrigins = 20;
    public const int MaxTrustedDocuments = 500;

    public async Task<RegisteredClient> RegisterAsync(ClientRegistration registration, Guid? tenantId, string? regionCode, string createdBy,
        CancellationToken ct, string? clientId = null, string? secret = null)
    {
        var name = CheckName(registration.Name);
        var allowedOrigins = CheckOrigins(registration.AllowedOrigins);
        var documents = CheckDocuments(registration.TrustedDocuments);
        CheckRate(registration.RequestsPerSecond);

        clientId ??= "dashboard-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        secret ??= Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new DashboardClient
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            Name = name,
            TenantId = tenantId,
            RegionCode = regionCode,
            AllowedOrigins = allowedOrigins,
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
        if (tenantId is { } audited) await AccessAudit.RecordAsync(db, audited, createdBy, "register", "DashboardClient", client.Id, null, Snapshot(client), client.CreatedAt, ct);
        await transaction.CommitAsync(CancellationToken.None);
        origins.Forget();
        return new RegisteredClient(client, secret);
    }

    /// <summary>Changes the tenant's client; its tokens follow the new settings at once here, within half a minute elsewhere.</summary>
    public async Task<DashboardClient> UpdateAsync(Guid tenantId, Guid id, ClientChange change, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        var client = await db.DashboardClients.SingleOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, ct)
            ?? throw DomainException.NotFound("DashboardClient", id);
        var before = Snapshot(client);
        if (change.Name is not null) client.Name = CheckName(change.Name);
        if (change.AllowedOrigins is not null) client.AllowedOrigins = CheckOrigins(change.AllowedOrigins);
        if (change.TrustedDocuments is not null) client.TrustedDocuments = CheckDocuments(change.TrustedDocuments);
        if (change.TrustedDocumentsOnly is { } only) client.TrustedDocumentsOnly = only;
        if (change.RequestsPerSecond is not null) client.RequestsPerSecond = CheckRate(change.RequestsPerSecond);
        await db.SaveChangesAsync(ct);
        await AccessAudit.RecordAsync(db, tenantId, caller.Current.ActorId, "update", "DashboardClient", client.Id, before, Snapshot(client), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(CancellationToken.None);
        revocations.Forget(TokenClaims.ClientKind, client.ClientId);
        origins.Forget();
        return client;
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
            var before = Snapshot(client);
            client.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await AccessAudit.RecordAsync(db, tenantId, caller.Current.ActorId, "revoke", "DashboardClient", client.Id, before, Snapshot(client), client.RevokedAt.Value, ct);
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application) await applications.DeleteAsync(application, ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
        revocations.Forget(TokenClaims.ClientKind, client.ClientId);
        origins.Forget();
        return client;
    }

    /// <summary>The client's settings by OAuth client id, for the API's per-request checks (cached by the caller).</summary>
    public Task<DashboardClient?> FindAsync(string clientId, CancellationToken ct) =>
        db.DashboardClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct);

    /// <summary>What the audit trail keeps of a client: its settings, never its secret.</summary>
    private static object Snapshot(DashboardClient c) =>
        new { c.ClientId, c.Name, c.AllowedOrigins, c.TrustedDocumentsOnly, TrustedDocuments = c.TrustedDocuments.Length, c.RequestsPerSecond, c.RevokedAt };

    private static string CheckName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= 100 ? trimmed : throw DomainException.Invalid("name", "A client needs a name of at most 100 characters.");
    }

    private static string[] CheckOrigins(IReadOnlyList<string> origins)
    {
        var normalized = origins.Select(NormalizeOrigin).Distinct(StringComparer.Ordinal).ToArray();
        return normalized.Length <= MaxOrigins ? normalized : throw DomainException.Invalid("allowedOrigins", $"At most {MaxOrigins} origins.");
    }

    private static string[] CheckDocuments(IReadOnlyList<string> hashes)
    {
        var documents = hashes.Select(d => d.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (documents.Length > MaxTrustedDocuments) throw DomainException.Invalid("trustedDocuments", $"At most {MaxTrustedDocuments} documents.");
        if (documents.FirstOrDefault(d => d.Length != 64 || !d.All(char.IsAsciiHexDigit)) is { } bad)
            throw DomainException.Invalid("trustedDocuments", $"'{bad}' is not a SHA-256 hash in hex (64 characters).");
        return documents;
    }

    private static int? CheckRate(int? perSecond) => perSecond is null or (>= 1 and <= 10_000)
        ? perSecond
        : throw DomainException.Invalid("requestsPerSecond", "Requests per second must be between 1 and 10000.");

    private static string NormalizeOrigin(string origin)
    {
        if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/")
            throw DomainException.Invalid("allowedOrigins", $"'{origin}' is not an origin such as https://dashboard.example.cn.");
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
