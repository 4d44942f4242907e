using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;

namespace Minsheng.Data.Supervision;

internal sealed class LightRecordConfiguration : TenantOwnedConfiguration<LightRecord>
{
    protected override void ConfigureEntity(EntityTypeBuilder<LightRecord> b)
    {
        b.ToTable("project_lights");
        // The history of what the office saw: added to, never rewritten.
        b.IsAppendOnly();
        b.Property(l => l.Light).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Reasons).HasColumnType("jsonb");
        b.HasOne<Project>().WithMany().HasForeignKey(l => new { l.TenantId, l.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.TenantId, l.ProjectId, l.RecordedFor });
        // The same record twice for one day (two recordings at once) is one record: a change of light that day is not.
        b.HasIndex(l => new { l.TenantId, l.ProjectId, l.RecordedFor, l.Light, l.Since, l.Escalated }).IsUnique().HasDatabaseName("ux_project_lights_one_record");
    }
}
