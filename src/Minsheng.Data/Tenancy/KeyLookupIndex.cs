using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// An index on the key a tenant-owned row is looked up by (a project by id, a project's targets), without the tenant in
/// front. Under the tenant policy the planner multiplies the application's tenant condition with the policy's as if
/// they were independent, estimates every index that starts with the tenant at one row, and so may pick any of them: a
/// report step read the county's reports one by one to find its own (KeyLookupPlanTests). An index without the tenant
/// has no such tie to lose. Not unique: a unique key carries the tenant, as Citus requires of a distributed table.
/// </summary>
public static class KeyLookupIndex
{
    public static IndexBuilder<T> HasKeyLookupIndex<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> key) where T : class =>
        builder.HasIndex(key);
}
