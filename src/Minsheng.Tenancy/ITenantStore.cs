namespace Minsheng.Tenancy;

/// <summary>Looks tenants up by their region code. Implemented by the data layer, cached in memory.</summary>
public interface ITenantStore
{
    ValueTask<TenantContext?> FindByRegionCodeAsync(string regionCode, CancellationToken ct);
}
