using Microsoft.EntityFrameworkCore;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Units;
using Minsheng.Tenancy;

namespace Minsheng.Data;

/// <summary>
/// The write model. Tenancy is enforced here twice: the named "tenant" query filter on every
/// tenant-owned entity, and stamping/checking of tenant_id in SaveChanges. PostgreSQL row-level
/// security is the third layer underneath. Without a tenant the filter compares with Guid.Empty and
/// SaveChanges refuses tenant-owned changes: the context fails closed.
/// </summary>
/// <remarks>
/// Contexts are pooled (setting one up per request was a tenth of the server's work on a write): one serves one request at
/// a time, told by <see cref="ActingFor"/> whom it acts for and forgetting it when disposed back to the pool, so a context
/// that was not told fails closed like one without a tenant. Its interceptors are shared by all contexts and keep the
/// request's state here. Add a migration with: <c>dotnet ef migrations add Name --project src/Minsheng.Data</c>.
/// </remarks>
public sealed class MinshengDbContext(DbContextOptions<MinshengDbContext> options) : DbContext(options)
{
    private ITenantContextAccessor? _tenant;

    /// <summary>
    /// The tenant this context acts for, and the request's SQL counter (null outside a request). Its transaction state is
    /// already fresh: a new context starts with it, a returned one was given it by <see cref="Forget"/>.
    /// </summary>
    public MinshengDbContext ActingFor(ITenantContextAccessor tenant, Reading.SqlCommandCounter? counter = null)
    {
        _tenant = tenant;
        Counter = counter;
        return this;
    }

    public Guid CurrentTenantId => _tenant?.Current?.TenantId ?? Guid.Empty;

    internal TenantContext? CurrentTenant => _tenant?.Current;

    internal Reading.SqlCommandCounter? Counter { get; private set; }

    /// <summary>What <see cref="TenantTransactionInterceptor"/> keeps about this context's transaction.</summary>
    internal TenantTransactionState Transactions { get; private set; } = new();

    /// <summary>The next transaction changes the tenant's data: it announces itself to the other servers on commit.</summary>
    public void AnnounceNextTransaction() => Transactions.AnnounceNext = true;

    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        _tenant = null;
        Counter = null;
        Transactions = new TenantTransactionState();
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectUnit> ProjectUnits => Set<ProjectUnit>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CatalogLink> CatalogLinks => Set<CatalogLink>();
    public DbSet<TargetCertification> TargetCertifications => Set<TargetCertification>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ReportActual> ReportActuals => Set<ReportActual>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ReportCorrection> ReportCorrections => Set<ReportCorrection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Supervision.LightRecord> LightRecords => Set<Domain.Supervision.LightRecord>();
    public DbSet<Supervision.StoredAssessment> StoredAssessments => Set<Supervision.StoredAssessment>();
    public DbSet<Domain.Supervision.SupervisionNotice> SupervisionNotices => Set<Domain.Supervision.SupervisionNotice>();
    public DbSet<ChangeDecision> ChangeDecisions => Set<ChangeDecision>();
    public DbSet<Domain.Bulletins.Bulletin> Bulletins => Set<Domain.Bulletins.Bulletin>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Domain.Notifications.NotificationRead> NotificationReads => Set<Domain.Notifications.NotificationRead>();
    public DbSet<Domain.Notifications.WebhookSubscription> WebhookSubscriptions => Set<Domain.Notifications.WebhookSubscription>();
    public DbSet<Domain.Notifications.WebhookDelivery> WebhookDeliveries => Set<Domain.Notifications.WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Every IEntityTypeConfiguration of this assembly, one per entity in the folder of its concept
        // (Plans/, Projects/, Reports/ …): a new entity's configuration is picked up without being listed here.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MinshengDbContext).Assembly);
        // After the configurations, so that it reaches every tenant-owned entity they mapped.
        if (!ApplicationTenantFilter.IsOff(this)) TenantQueryFilter.ApplyTo(modelBuilder, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Stamps new tenant-owned rows with the current tenant and refuses any change to another tenant's row.</summary>
    private void EnforceTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var current = _tenant?.Current?.TenantId
                ?? throw new InvalidOperationException($"No tenant is set: a {entry.Entity.GetType().Name} cannot be saved.");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Property(nameof(ITenantOwned.TenantId)).CurrentValue = current;
            }
            else if (entry.Entity.TenantId != current && !ApplicationTenantFilter.IsOff(this))
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} of tenant {entry.Entity.TenantId} cannot be changed while acting for tenant {current}.");
            }
        }
    }
}
