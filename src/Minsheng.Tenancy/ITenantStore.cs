namespace Minsheng.Tenancy;

/// <summary>Looks tenants up by their region code. Implemented by the data layer, cached in memory.</summary>
public interface ITenantStore
{
    /// <summary>The tenant of the code if it is active; null for an unknown code and for one that is not active.</summary>
    ValueTask<TenantContext?> FindByRegionCodeAsync(string regionCode, CancellationToken ct);

    /// <summary>
    /// The status of a tenant that exists but is not active (e.g. "Disabled"); null when the code has no tenant
    /// or it is active. Asked only after <see cref="FindByRegionCodeAsync"/> found nothing, to tell
    /// "no such tenant" (404) from "this tenant is refused" (403); not cached.
    /// </summary>
    ValueTask<string?> FindInactiveStatusAsync(string regionCode, CancellationToken ct);
}
