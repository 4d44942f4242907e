using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Bulletins;

namespace Minsheng.Data.Bulletins;

internal sealed class BulletinConfiguration : TenantOwnedConfiguration<Bulletin>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("bulletins");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Figures).HasColumnType("jsonb");
        b.Property(x => x.GeneratedBy).HasMaxLength(200);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        // Versions of a period are numbered in the order generated; two generations at once cannot take the same number.
        b.HasIndex(x => new { x.TenantId, x.Kind, x.Year, x.Period, x.Version }).IsUnique();
        // At most one published version of a period, even when two people publish at once; the public page reads through it.
        b.HasIndex(x => new { x.TenantId, x.Kind, x.Year, x.Period }).IsUnique().HasFilter("published").HasDatabaseName("ix_bulletins_one_published_per_period");
    }
}
