using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;

namespace Minsheng.Data.Reports;

internal sealed class ReportActualConfiguration : IEntityTypeConfiguration<ReportActual>
{
    public void Configure(EntityTypeBuilder<ReportActual> b)
    {
        b.ToTable("report_actuals");
        b.HasKey(a => new { a.TenantId, a.ReportId, a.IndicatorId });
        b.Property(a => a.Value).HasPrecision(20, 4);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(a => new { a.TenantId, a.ReportId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(a => new { a.TenantId, a.IndicatorId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.TenantId, a.IndicatorId });
        b.HasKeyLookupIndex(a => a.ReportId);
    }
}
