using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Values;
using Minsheng.Tenancy;

namespace Minsheng.Application.Tenants;

/// <summary>A tenant just added: its region, and the regions above it from the province down.</summary>
public sealed record AddedTenant(Guid Id, string RegionCode, string Name, RegionLevel Level, IReadOnlyList<Region> Ancestors);

/// <summary>A tenant just disabled or enabled, with its status after the change.</summary>
public sealed record TenantStatusChange(Guid Id, string RegionCode, string Name, RegionLevel Level, TenantStatus Status);

/// <summary>
/// Onboards governments as tenants (the CLI's <c>tenants add</c>, and a platform administrator's mutation
/// later). It acts for the platform, not for a tenant: the caller's own tenant, if any, plays no part. Names
/// and levels come from the shipped GB/T 2260 list, so only real divisions become tenants. A government that
/// stops using the platform is disabled, never deleted: its data stays, and enabling it brings it back.
/// </summary>
public sealed class TenantAdministration(MinshengDbContext db, IServiceScopeFactory scopes, ActorAccessor actor, CachedTenantStore store)
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

    /// <summary>
    /// Disables the tenant of a region: its requests are refused from now on (403 in this process at once; other
    /// processes' tenant caches let it through for at most another minute). Nothing is deleted. A malformed code,
    /// or one without a tenant, is invalid input; a tenant already disabled is a conflict, so that a typo in the
    /// code is not mistaken for success. The change is audited in the tenant's own trail.
    /// </summary>
    public Task<TenantStatusChange> DisableAsync(string regionCode, CancellationToken ct) =>
        ChangeStatusAsync(regionCode, "disable", TenantStatus.Disabled,
            t => t.Status == TenantStatus.Disabled ? $"{t.RegionCode} {t.Name} is already disabled." : null, ct);

    /// <summary>
    /// Enables a disabled tenant again, with all its data. Only a disabled tenant can be enabled: an active one is
    /// a conflict (as is a suspended or provisioning one, whose state is not this command's to lift).
    /// </summary>
    public Task<TenantStatusChange> EnableAsync(string regionCode, CancellationToken ct) =>
        ChangeStatusAsync(regionCode, "enable", TenantStatus.Active,
            t => t.Status switch
            {
                TenantStatus.Disabled => null,
                TenantStatus.Active => $"{t.RegionCode} {t.Name} is already enabled.",
                var other => $"{t.RegionCode} {t.Name} is {other.ToString().ToLowerInvariant()}, not disabled; only a disabled tenant can be enabled.",
            }, ct);

    private async Task<TenantStatusChange> ChangeStatusAsync(string regionCode, string action, TenantStatus status, Func<Tenant, string?> refusal, CancellationToken ct)
    {
        var code = regionCode.Trim();
        if (!Region.IsValidCode(code))
            throw DomainException.Invalid("regionCode", $"'{regionCode}' is not a region code: GB/T 2260 codes have six digits, e.g. 411526.");
        var found = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.RegionCode == code, ct)
            ?? throw DomainException.Invalid("regionCode", $"No tenant has the region code {code}. List them with: minsheng tenants");

        TenantStatusChange changed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The audit trail is tenant-owned (row-level security included): write the entry as that tenant, in the
            // same transaction as the change. Its context is built from the row, since a disabled tenant is not
            // found by the tenant store.
            scope.ServiceProvider.GetRequiredService<TenantContextHolder>()
                .Set(new TenantContext(found.Id, found.RegionCode, found.Name, found.Level, found.EnabledPlugins));
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Name = actor.Name;
            var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            changed = await uow.RunAsync(async tenantDb =>
            {
                // Locked and checked inside the transaction, so that two concurrent calls cannot both change it
                // (and both write an audit entry). FOR UPDATE needs the app role's UPDATE (status) grant.
                var tenant = await tenantDb.Tenants.FromSql($"SELECT * FROM tenants WHERE id = {found.Id} FOR UPDATE").SingleAsync(ct);
                if (refusal(tenant) is { } message) throw DomainException.Conflict(message);
                var before = new { tenant.Id, tenant.RegionCode, tenant.Name, tenant.Level, tenant.Status, tenant.EnabledPlugins };
                tenant.Status = status;
                uow.Audit(action, nameof(Tenant), tenant.Id, before, tenant);
                return new TenantStatusChange(tenant.Id, tenant.RegionCode, tenant.Name, tenant.Level, status);
            }, ct);
        }
        // This process stops serving (or starts serving again) the tenant at once, rather than after its cache minute.
        store.Invalidate();
        return changed;
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
