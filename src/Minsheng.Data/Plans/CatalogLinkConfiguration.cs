using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;

namespace Minsheng.Data.Plans;

internal sealed class CatalogLinkConfiguration : TenantOwnedConfiguration<CatalogLink>
{
    protected override void ConfigureEntity(EntityTypeBuilder<CatalogLink> b)
    {
        b.ToTable("catalog_links");
        b.Property(l => l.TaskKey).HasMaxLength(100);
        b.Property(l => l.AggregationKey).HasMaxLength(100);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Factor).HasPrecision(20, 6);
        b.Property(l => l.LinkedBy).HasMaxLength(200);
        b.HasOne<Project>().WithMany().HasForeignKey(l => new { l.TenantId, l.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(l => new { l.TenantId, l.IndicatorId }).OnDelete(DeleteBehavior.Cascade);
        // A target counts under one key at most.
        b.HasIndex(l => new { l.TenantId, l.IndicatorId }).IsUnique();
        // Roll-ups read a region's tenants' links by key.
        b.HasIndex(l => new { l.TenantId, l.AggregationKey });
    }
}
