using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Plans;

internal sealed class PlanConfiguration : TenantOwnedConfiguration<Plan>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Issuer).HasMaxLength(200);
        b.Property(p => p.DocumentNumber).HasMaxLength(100);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.SourceDocumentName).HasMaxLength(300);
        b.Property(p => p.SourceDocumentHash).HasMaxLength(64);
        b.HasIndex(p => new { p.TenantId, p.Year });
        // Re-importing the same document is a no-op: at most one plan per document per tenant.
        b.HasIndex(p => new { p.TenantId, p.SourceDocumentHash }).IsUnique().HasFilter("source_document_hash IS NOT NULL");
        b.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
