using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Units;

namespace Minsheng.Data.Plans;

internal sealed class TargetCertificationConfiguration : TenantOwnedConfiguration<TargetCertification>
{
    protected override void ConfigureEntity(EntityTypeBuilder<TargetCertification> b)
    {
        b.ToTable("target_certifications");
        // The history of decisions: added to, never rewritten.
        b.IsAppendOnly();
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Value).HasPrecision(20, 4);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.DecidedBy).HasMaxLength(200);
        b.HasOne<Project>().WithMany().HasForeignKey(c => new { c.TenantId, c.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(c => new { c.TenantId, c.IndicatorId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => new { c.TenantId, c.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.TenantId, c.IndicatorId, c.DecidedAt });
        b.HasIndex(c => new { c.TenantId, c.ProjectId });
    }
}
