using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;

namespace Minsheng.Data.Indicators;

internal sealed class IndicatorConfiguration : TenantOwnedConfiguration<Indicator>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Ignore(i => i.Target);
        b.Property(i => i.Label).HasMaxLength(300);
        b.Property(i => i.Comparator).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.TargetValue).HasPrecision(20, 4);
        b.Property(i => i.Unit).HasMaxLength(20);
        b.HasOne<Project>().WithMany().HasForeignKey(i => new { i.TenantId, i.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.TenantId, i.ProjectId, i.Position });
        b.HasKeyLookupIndex(i => i.ProjectId);
    }
}
