using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Reports;

namespace Minsheng.Data.Reports;

internal sealed class EvidenceFileConfiguration : TenantOwnedConfiguration<EvidenceFile>
{
    protected override void ConfigureEntity(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("evidence_files");
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.MediaType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(200);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(e => new { e.TenantId, e.ReportId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.TenantId, e.ReportId });
    }
}

internal sealed class ReportCorrectionConfiguration : TenantOwnedConfiguration<ReportCorrection>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ReportCorrection> b)
    {
        b.ToTable("report_corrections");
        // What an accepted month said before each correction: added to, never rewritten.
        b.IsAppendOnly();
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.Before).HasColumnType("jsonb");
        b.Property(c => c.After).HasColumnType("jsonb");
        b.Property(c => c.CorrectedBy).HasMaxLength(200);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(c => new { c.TenantId, c.ReportId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TenantId, c.ReportId, c.CorrectedAt });
    }
}
