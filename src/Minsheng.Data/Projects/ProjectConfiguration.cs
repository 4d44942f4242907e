using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;

namespace Minsheng.Data.Projects;

internal sealed class ProjectConfiguration : TenantOwnedConfiguration<Project>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.Ignore(p => p.Deadline);
        b.Property(p => p.Sequence).HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.CategoryCode).HasMaxLength(40);
        b.Property(p => p.InvestmentYuan).HasPrecision(18, 2);
        b.Property(p => p.InvestmentText).HasMaxLength(300);
        b.Property(p => p.CommandHeadquarters).HasMaxLength(200);
        b.Property(p => p.ResponsibleLeader).HasMaxLength(100);
        b.Property(p => p.DeadlinePrecision).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ClosedOutBy).HasMaxLength(200);
        b.Property(p => p.ClosureNote).HasMaxLength(1000);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne<Plan>().WithMany().HasForeignKey(p => new { p.TenantId, p.PlanId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(p => new { p.TenantId, p.ParentId }).OnDelete(DeleteBehavior.Cascade);
        // The project page reads a tenant's projects in plan order.
        b.HasIndex(p => new { p.TenantId, p.PlanId, p.SortOrder });
        b.HasIndex(p => new { p.TenantId, p.SortOrder, p.Id });
        b.HasKeyLookupIndex(p => p.Id);
    }
}
