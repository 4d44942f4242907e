using System.Collections.Concurrent;
using Minsheng.Domain.Regions;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Tenants by region code, read from the shared <c>tenants</c> table (no row-level security there) and
/// kept in memory for a minute. Tenants change rarely; disabling one takes effect at once in the process that
/// did it (TenantAdministration calls <see cref="Invalidate"/>) and within that minute in every other process
/// (other servers, or a server while the CLI disabled the tenant), whose cached entry simply expires.
/// </summary>
public sealed class CachedTenantStore(NpgsqlDataSource dataSource, TimeProvider clock) : ITenantStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TenantContext Tenant, DateTimeOffset Expires)> _byCode = new(StringComparer.Ordinal);

    public async ValueTask<TenantContext?> FindByRegionCodeAsync(string regionCode, CancellationToken ct)
    {
        if (_byCode.TryGetValue(regionCode, out var cached) && cached.Expires > clock.GetUtcNow()) return cached.Tenant;
        await using var command = dataSource.CreateCommand(
            "SELECT id, region_code, name, level, enabled_plugins FROM tenants WHERE region_code = $1 AND status = 'Active'");
        command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
        await using var reader = await command.ExecuteReaderAsync(ct);
        TenantContext? tenant = null;
        if (await reader.ReadAsync(ct))
        {
            tenant = new TenantContext(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<RegionLevel>(reader.GetString(3)), reader.GetFieldValue<string[]>(4));
        }
        // Unknown codes are not cached: a tenant created a moment later must be found.
        if (tenant is not null) _byCode[regionCode] = (tenant, clock.GetUtcNow() + Lifetime);
        else _byCode.TryRemove(regionCode, out _);
        return tenant;
    }

    public async ValueTask<string?> FindInactiveStatusAsync(string regionCode, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT status FROM tenants WHERE region_code = $1 AND status <> 'Active'");
        command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public void Invalidate() => _byCode.Clear();

    /// <summary>Every tenant whatever its status, for operators' tools (<c>minsheng tenants</c>); not cached.</summary>
    public async Task<IReadOnlyList<(TenantContext Tenant, string Status)>> AllWithStatusAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, region_code, name, level, enabled_plugins, status FROM tenants ORDER BY region_code");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tenants = new List<(TenantContext, string)>();
        while (await reader.ReadAsync(ct))
            tenants.Add((new TenantContext(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<RegionLevel>(reader.GetString(3)), reader.GetFieldValue<string[]>(4)), reader.GetString(5)));
        return tenants;
    }
}
