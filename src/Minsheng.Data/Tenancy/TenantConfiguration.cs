using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("tenants");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(t => t.RegionCode).IsUnique();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.ReportDueDay).HasDefaultValue(Tenant.DefaultReportDueDay);
        b.Property(t => t.StatusThresholds).HasColumnType("jsonb").HasConversion(
            v => v == null ? null : System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            s => s == null ? null : System.Text.Json.JsonSerializer.Deserialize<Minsheng.Domain.Supervision.StatusThresholds>(s, (System.Text.Json.JsonSerializerOptions?)null));
        b.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
