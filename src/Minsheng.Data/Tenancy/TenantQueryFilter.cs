using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// The named "tenant" query filter, put on every entity of the model that implements <see cref="ITenantOwned"/>.
/// Derived from the model rather than set in each configuration, so a new tenant-owned entity is filtered
/// without anyone remembering to, and the configurations need no context (they can be found by scanning).
/// </summary>
public static class TenantQueryFilter
{
    public const string Name = "tenant";

    internal static void ApplyTo(ModelBuilder modelBuilder, MinshengDbContext context)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList())
        {
            // e => e.TenantId == context.CurrentTenantId. The context must appear as itself (a constant of the
            // context's type) with an instance member: EF then swaps in the querying context and parameterizes
            // the value per query instead of baking in the tenant of whichever context built the model.
            var e = Expression.Parameter(entity.ClrType, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(e, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(context), nameof(MinshengDbContext.CurrentTenantId))),
                e);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(Name, filter);
        }
    }
}
