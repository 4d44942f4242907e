using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;

namespace Minsheng.Data.Audit;

internal sealed class AuditEntryConfiguration : TenantOwnedConfiguration<AuditEntry>
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        // The trail of who changed what: the application adds to it and reads it, never rewrites it.
        b.IsAppendOnly();
        b.Property(a => a.Actor).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.EntityType).HasMaxLength(50);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.HasIndex(a => new { a.TenantId, a.EntityId });
    }
}
