using Minsheng.Domain.Access;

namespace Minsheng.Tenancy;

public enum CallerKind
{
    /// <summary>No token: sees shared reference data only.</summary>
    Anonymous,
    /// <summary>A person signed in through the console (authorization code).</summary>
    User,
    /// <summary>A dashboard or integration client (client credentials).</summary>
    Client,
    /// <summary>Development only: the X-Tenant header on a request without a token, with every permission.</summary>
    Developer,
}

/// <summary>
/// Who is calling, as the token said, resolved once per request beside the tenant. <see cref="ActorId"/> is what
/// the audit trail records ("user:…", "client:…").
/// </summary>
public sealed record Caller(CallerKind Kind, string ActorId, IReadOnlySet<Permission> Permissions)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, "anonymous", new HashSet<Permission>());

    /// <summary>The region a region analyst or region client reads below; null for tenant callers.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The units a unit clerk or unit head acts for (empty: none).</summary>
    public IReadOnlyList<Guid> UnitIds { get; init; } = [];

    /// <summary>The OAuth client the token was issued to (the console, or a dashboard client).</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// A dashboard client locked to trusted documents: the SHA-256 hashes (hex) of the only documents it may run, and
    /// nothing else (no ad-hoc query, no new persisted-query registration). Null: any document.
    /// </summary>
    public IReadOnlySet<string>? TrustedDocuments { get; init; }

    /// <summary>A dashboard client's own sustained rate, when it has one.</summary>
    public int? RequestsPerSecond { get; init; }

    public bool IsAuthenticated => Kind is CallerKind.User or CallerKind.Client;

    public bool Has(Permission permission) => Permissions.Contains(permission);
}

public interface ICallerAccessor
{
    Caller Current { get; }
}

/// <summary>Scoped; written once by the request's resolution (or a job), read by authorization and the audit trail.</summary>
public sealed class CallerHolder : ICallerAccessor
{
    private Caller? _current;

    public Caller Current => _current ?? Caller.Anonymous;

    public void Set(Caller caller)
    {
        if (_current is not null) throw new InvalidOperationException("The caller of this scope was already resolved; it cannot change.");
        _current = caller;
    }
}
