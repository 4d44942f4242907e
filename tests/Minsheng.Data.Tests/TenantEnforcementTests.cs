using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Units;
using Minsheng.Tenancy;
using Minsheng.Testing;

namespace Minsheng.Data.Tests;

/// <summary>The EF Core layers: the named tenant filter and SaveChanges stamping, both failing closed.</summary>
public sealed class TenantEnforcementTests
{
    private static async Task<(string Owner, Application.Demo.DemoTenantData A, Application.Demo.DemoTenantData B)> SetUpAsync()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("efcore");
        return (owner, await TestTenants.CreateAsync(owner, projects: 3), await TestTenants.CreateAsync(owner, projects: 3));
    }

    private static MinshengDbContext Context(string owner, Application.Demo.DemoTenantData? tenant)
    {
        var holder = new TenantContextHolder();
        holder.Set(tenant is null ? null : new TenantContext(tenant.Tenant.Id, tenant.Tenant.RegionCode, tenant.Tenant.Name, RegionLevel.County, []));
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, DatabaseSetup.AppConnectionString(owner));
        options.AddInterceptors(Tenancy.TenantTransactionInterceptor.Instance);
        return new MinshengDbContext(options.Options).ActingFor(holder);
    }

    [Fact]
    public async Task Bypassing_the_filter_still_returns_only_the_tenants_rows()
    {
        var (owner, a, _) = await SetUpAsync();
        await using var db = Context(owner, a);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var all = await db.Projects.IgnoreQueryFilters().Select(p => p.TenantId).Distinct().ToListAsync();

        Assert.Equal([a.Tenant.Id], all);
    }

    [Fact]
    public async Task The_filter_alone_hides_other_tenants_even_outside_row_level_security()
    {
        var (owner, a, b) = await SetUpAsync();
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        // As the owner (superuser: RLS does not apply), only the EF filter stands between tenants.
        MinshengDataServices.ConfigureNpgsql(options, owner);
        var holder = new TenantContextHolder();
        holder.Set(new TenantContext(a.Tenant.Id, a.Tenant.RegionCode, a.Tenant.Name, RegionLevel.County, []));
        await using var db = new MinshengDbContext(options.Options).ActingFor(holder);

        var ids = await db.Projects.Select(p => p.TenantId).Distinct().ToListAsync();
        var unfiltered = await db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == b.Tenant.Id).CountAsync();

        Assert.Equal([a.Tenant.Id], ids);
        Assert.True(unfiltered > 0);
    }

    [Fact]
    public async Task The_filter_follows_the_querying_context_not_the_one_that_built_the_model()
    {
        var (owner, a, b) = await SetUpAsync();
        // As the owner, so only the EF filter decides. The model (and its filter expression) is built once per
        // process by whichever context came first; each query must still use its own context's tenant.
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        foreach (var tenant in new[] { a, b, a })
        {
            var holder = new TenantContextHolder();
            holder.Set(new TenantContext(tenant.Tenant.Id, tenant.Tenant.RegionCode, tenant.Tenant.Name, RegionLevel.County, []));
            await using var db = new MinshengDbContext(options.Options).ActingFor(holder);

            Assert.Equal([tenant.Tenant.Id], await db.Units.Select(u => u.TenantId).Distinct().ToListAsync());
            Assert.Equal([tenant.Tenant.Id], await db.ReportActuals.Select(r => r.TenantId).Distinct().ToListAsync());
        }
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_tenant_when_returned_and_fails_closed_until_told_again()
    {
        var (owner, a, b) = await SetUpAsync();
        // As the owner, so only the application's layers decide; the server rents its contexts from such a pool.
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        options.AddInterceptors(Tenancy.TenantTransactionInterceptor.Instance);
        var pool = new PooledDbContextFactory<MinshengDbContext>(options.Options, poolSize: 1);
        var contextIds = new List<Guid>();
        foreach (var tenant in new[] { a, b })
        {
            var holder = new TenantContextHolder();
            holder.Set(new TenantContext(tenant.Tenant.Id, tenant.Tenant.RegionCode, tenant.Tenant.Name, RegionLevel.County, []));
            await using var db = pool.CreateDbContext().ActingFor(holder);
            contextIds.Add(db.ContextId.InstanceId);
            Assert.Equal([tenant.Tenant.Id], await db.Units.Select(u => u.TenantId).Distinct().ToListAsync());
        }

        await using var untold = pool.CreateDbContext();
        contextIds.Add(untold.ContextId.InstanceId);
        Assert.Single(contextIds.Distinct()); // one instance served all three: the pool is what is tested
        Assert.Equal(Guid.Empty, untold.CurrentTenantId);
        Assert.Empty(await untold.Units.ToListAsync());
        untold.Units.Add(new Unit("区无主局"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => untold.SaveChangesAsync());
        Assert.Contains("No tenant", error.Message);
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_tenant_filter()
    {
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, "Host=localhost;Database=model_only");
        using var db = new MinshengDbContext(options.Options);
        var tenantOwned = db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.NotEmpty(tenantOwned);
        Assert.All(tenantOwned, e => Assert.True(e.FindDeclaredQueryFilter(Tenancy.TenantQueryFilter.Name) is not null, $"{e.DisplayName()} has no tenant filter"));
    }

    [Fact]
    public async Task SaveChanges_stamps_new_rows_and_refuses_without_a_tenant()
    {
        var (owner, a, _) = await SetUpAsync();
        await using (var db = Context(owner, a))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var unit = new Unit("区新设局");
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            Assert.Equal(a.Tenant.Id, unit.TenantId);
        }

        await using var anonymous = Context(owner, null);
        anonymous.Units.Add(new Unit("区无主局"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => anonymous.SaveChangesAsync());
        Assert.Contains("No tenant", error.Message);
    }

    [Fact]
    public async Task SaveChanges_refuses_a_row_stamped_for_another_tenant()
    {
        var (owner, a, b) = await SetUpAsync();
        await using var db = Context(owner, a);
        var unit = new Unit("区伪造局") { TenantId = b.Tenant.Id };
        db.Units.Add(unit);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("cannot be changed while acting for tenant", error.Message);
    }
}
