namespace Minsheng.Identity.Clients;

/// <summary>
/// A third-party dashboard registered by a tenant administrator (or, for a region, by the platform): an OAuth
/// client (client credentials) that reads one tenant's data, or a region's, and nothing more. The OAuth side
/// (client id, hashed secret, permissions) lives in OpenIddict's application table; this row holds what the
/// API enforces on each request.
/// </summary>
public sealed class DashboardClient
{
    public Guid Id { get; set; }

    /// <summary>The OAuth client_id.</summary>
    public string ClientId { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid? TenantId { get; set; }

    /// <summary>A region client's region; it reads the tenants below it.</summary>
    public string? RegionCode { get; set; }

    /// <summary>Browser origins allowed to call the API with this client's tokens (CORS).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>SHA-256 hashes of the documents this client may run when locked to trusted documents.</summary>
    public string[] TrustedDocuments { get; set; } = [];

    /// <summary>Only the documents of <see cref="TrustedDocuments"/>: no ad-hoc query, no new persisted-query registration.</summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>Sustained requests per second allowed to this client; null: the default.</summary>
    public int? RequestsPerSecond { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
