using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Values;
using Minsheng.Tenancy;

namespace Minsheng.Application.Tenants;

/// <summary>A tenant just added: its region, and the regions above it from the province down.</summary>
public sealed record AddedTenant(Guid Id, string RegionCode, string Name, RegionLevel Level, IReadOnlyList<Region> Ancestors);

/// <summary>
/// Onboards governments as tenants (the CLI's <c>tenants add</c>, and a platform administrator's mutation
/// later). It acts for the platform, not for a tenant: the caller's own tenant, if any, plays no part. Names
/// and levels come from the shipped GB/T 2260 list, so only real divisions become tenants.
/// </summary>
public sealed class TenantAdministration(MinshengDbContext db, IServiceScopeFactory scopes, ActorAccessor actor)
{
    /// <summary>
    /// Adds the tenant of a region. A malformed or unknown code is invalid input; a region that already
    /// has a tenant is a conflict. The new tenant's audit trail starts with the entry recording who added it.
    /// </summary>
    public async Task<AddedTenant> AddAsync(string regionCode, CancellationToken ct)
    {
        var code = regionCode.Trim();
        if (!Region.IsValidCode(code))
            throw DomainException.Invalid("regionCode", $"'{regionCode}' is not a region code: GB/T 2260 codes have six digits, e.g. 411526.");
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct)
            ?? throw DomainException.Invalid("regionCode", $"No administrative division has the code {code} in the GB/T 2260 list shipped with this release.");
        if (await db.Tenants.AsNoTracking().AnyAsync(t => t.RegionCode == code, ct)) throw AlreadyATenant(region);

        var tenant = new Tenant(Ids.New(), region.Code, region.Name, region.Level);
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The audit trail is tenant-owned (row-level security included): write the first entry as the new
            // tenant, in the same transaction as the tenant itself.
            scope.ServiceProvider.GetRequiredService<TenantContextHolder>()
                .Set(new TenantContext(tenant.Id, tenant.RegionCode, tenant.Name, tenant.Level, tenant.EnabledPlugins));
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Name = actor.Name;
            var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            try
            {
                await uow.RunAsync(tenantDb =>
                {
                    tenantDb.Tenants.Add(tenant);
                    uow.Audit("create", nameof(Tenant), tenant.Id, null, tenant);
                    return Task.FromResult(tenant.Id);
                }, ct);
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict)
            {
                // Someone added the same region a moment earlier (the unique index on region_code caught it).
                throw AlreadyATenant(region);
            }
        }
        return new AddedTenant(tenant.Id, tenant.RegionCode, tenant.Name, tenant.Level, await AncestorsAsync(region, ct));
    }

    private static DomainException AlreadyATenant(Region region) => DomainException.Conflict($"{region.Code} {region.Name} is already a tenant.");

    private async Task<IReadOnlyList<Region>> AncestorsAsync(Region region, CancellationToken ct)
    {
        var ancestors = new List<Region>();
        for (var parent = region.ParentCode; parent is not null && ancestors.Count < 3;)
        {
            var next = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == parent, ct);
            if (next is null) break;
            ancestors.Insert(0, next);
            parent = next.ParentCode;
        }
        return ancestors;
    }
}
