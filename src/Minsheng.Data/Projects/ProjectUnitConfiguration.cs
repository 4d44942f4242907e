using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Units;

namespace Minsheng.Data.Projects;

internal sealed class ProjectUnitConfiguration : IEntityTypeConfiguration<ProjectUnit>
{
    public void Configure(EntityTypeBuilder<ProjectUnit> b)
    {
        b.ToTable("project_units");
        b.HasKey(pu => new { pu.TenantId, pu.ProjectId, pu.Role, pu.UnitId });
        b.Property(pu => pu.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Project>().WithMany().HasForeignKey(pu => new { pu.TenantId, pu.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(pu => new { pu.TenantId, pu.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(pu => new { pu.TenantId, pu.UnitId });
        b.HasKeyLookupIndex(pu => pu.ProjectId);
    }
}
