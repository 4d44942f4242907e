using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;

namespace Minsheng.Data.Milestones;

internal sealed class MilestoneConfiguration : TenantOwnedConfiguration<Milestone>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("milestones");
        b.Property(m => m.AchievedBy).HasMaxLength(200);
        b.Property(m => m.Evidence).HasMaxLength(2000);
        b.Ignore(m => m.Due);
        b.Property(m => m.DuePrecision).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.CumulativeValue).HasPrecision(20, 4);
        b.HasOne<Project>().WithMany().HasForeignKey(m => new { m.TenantId, m.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        // Restrict, not SET NULL: SET NULL would null tenant_id too; deleting a target unlinks its milestones first.
        b.HasOne<Indicator>().WithMany().HasForeignKey(m => new { m.TenantId, m.IndicatorId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.TenantId, m.ProjectId, m.DueDate });
    }
}
