using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Units;

namespace Minsheng.Data.Units;

internal sealed class UnitConfiguration : TenantOwnedConfiguration<Unit>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        b.HasIndex(u => new { u.TenantId, u.Name }).IsUnique();
    }
}
