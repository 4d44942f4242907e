using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Base mapping for tenant-owned entities: the key starts with tenant_id (what Citus distributes by and
/// what every foreign key between tenant tables includes) and the named "tenant" query filter.
/// </summary>
public abstract class TenantOwnedConfiguration<T>(MinshengDbContext context) : IEntityTypeConfiguration<T> where T : TenantEntity
{
    public const string FilterName = "tenant";

    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        // An instance member of the context: EF parameterizes it per query instead of baking in a constant.
        builder.HasQueryFilter(FilterName, e => e.TenantId == context.CurrentTenantId);
        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}
