using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;

namespace Minsheng.Data.Reports;

internal sealed class ProgressReportConfiguration : TenantOwnedConfiguration<ProgressReport>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("progress_reports");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.InvestmentCompletedYuan).HasPrecision(18, 2);
        b.Property(r => r.ReturnReason).HasMaxLength(1000);
        foreach (var actor in new[] { nameof(ProgressReport.SubmittedBy), nameof(ProgressReport.ApprovedBy), nameof(ProgressReport.AcceptedBy), nameof(ProgressReport.ReturnedBy) })
            b.Property(actor).HasMaxLength(200);
        // PostgreSQL's xmin: a write based on a state someone else changed since fails instead of overwriting it.
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(r => new { r.TenantId, r.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        // One report per project and month; also serves "latest report of each project" (period desc).
        b.HasIndex(r => new { r.TenantId, r.ProjectId, r.Period }).IsUnique().IsDescending(false, false, true);
        b.HasKeyLookupIndex(r => r.Id);
        b.HasKeyLookupIndex(r => new { r.ProjectId, r.Period });
    }
}
