using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;

namespace Minsheng.Data.Supervision;

internal sealed class SupervisionNoticeConfiguration : TenantOwnedConfiguration<SupervisionNotice>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SupervisionNotice> b)
    {
        b.ToTable("supervision_notices");
        b.Property(n => n.Number).HasMaxLength(40);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Problem).HasMaxLength(2000);
        b.Property(n => n.Requirement).HasMaxLength(2000);
        b.Property(n => n.Measures).HasMaxLength(4000);
        b.Property(n => n.ReviewComment).HasMaxLength(2000);
        foreach (var actor in new[] { nameof(SupervisionNotice.IssuedBy), nameof(SupervisionNotice.AcknowledgedBy), nameof(SupervisionNotice.RepliedBy), nameof(SupervisionNotice.ReviewedBy) })
            b.Property(actor).HasMaxLength(200);
        b.Property(n => n.Version).IsRowVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(n => new { n.TenantId, n.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SupervisionNotice>().WithMany().HasForeignKey(n => new { n.TenantId, n.PreviousId }).OnDelete(DeleteBehavior.Restrict);
        // The number is the tenant's sequence for the year: two notices issued at once cannot take the same one.
        b.HasIndex(n => new { n.TenantId, n.Year, n.Sequence }).IsUnique();
        b.HasIndex(n => new { n.TenantId, n.ProjectId, n.IssuedAt });
    }
}
