using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Regions;

namespace Minsheng.Data.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6).IsFixedLength();
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ParentCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(r => r.ParentCode);
    }
}
