using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;

namespace Minsheng.Data.Plans;

internal sealed class ChangeDecisionConfiguration : TenantOwnedConfiguration<ChangeDecision>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChangeDecision> b)
    {
        b.ToTable("change_decisions");
        // The earlier versions of a published plan live here: added to, never rewritten.
        b.IsAppendOnly();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Reason).HasMaxLength(2000);
        b.Property(d => d.Approver).HasMaxLength(200);
        b.Property(d => d.CongressReference).HasMaxLength(200);
        b.Property(d => d.Before).HasColumnType("jsonb");
        b.Property(d => d.After).HasColumnType("jsonb");
        b.Property(d => d.RecordedBy).HasMaxLength(200);
        b.HasOne<Project>().WithMany().HasForeignKey(d => new { d.TenantId, d.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.TenantId, d.ProjectId, d.RecordedAt });
    }
}
