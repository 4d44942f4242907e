using Minsheng.Domain.Regions;

namespace Minsheng.Tenancy;

/// <summary>The tenant a request or job acts for. Immutable once resolved.</summary>
public sealed record TenantContext(Guid TenantId, string RegionCode, string Name, RegionLevel Level, IReadOnlyList<string> EnabledPlugins)
{
    public bool HasPlugin(string pluginId) => EnabledPlugins.Contains(pluginId, StringComparer.Ordinal);
}

/// <summary>Read access to the current tenant. <see cref="Current"/> is null when none was resolved: such a caller sees no tenant-owned data.</summary>
public interface ITenantContextAccessor
{
    TenantContext? Current { get; }
}

/// <summary>
/// Scoped holder of the current tenant. Only the resolution middleware and explicit tenant switches
/// (background jobs, demo loading) write it, and only once per scope.
/// </summary>
public sealed class TenantContextHolder : ITenantContextAccessor
{
    private TenantContext? _current;
    private bool _set;

    public TenantContext? Current => _current;

    /// <summary>Sets the tenant for this scope. A second call fails: the tenant never changes mid-request.</summary>
    public void Set(TenantContext? tenant)
    {
        if (_set) throw new InvalidOperationException("The tenant of this scope was already resolved; it cannot change.");
        _current = tenant;
        _set = true;
    }
}
