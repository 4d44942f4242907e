using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Base mapping for tenant-owned entities with an id: the key starts with tenant_id (what Citus distributes
/// by and what every foreign key between tenant tables includes). The tenant query filter is not set here:
/// <see cref="TenantQueryFilter"/> puts it on every tenant-owned entity, whatever its configuration.
/// </summary>
public abstract class TenantOwnedConfiguration<T> : IEntityTypeConfiguration<T> where T : TenantEntity
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}
