using Minsheng.Application.Tenants;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;

namespace Minsheng.GraphQL.Tenants;

public sealed class TenantStatusChangeType : ObjectGraphType<TenantStatusChange>
{
    public TenantStatusChangeType()
    {
        Name = "TenantStatusChange";
        this.ReachedThroughCheckedField();
        Description = "A tenant just disabled or enabled by a platform administrator.";
        Field(t => t.RegionCode);
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<EnumerationGraphType<TenantStatus>>>("status")
            .Description("Its status after the change: DISABLED tenants are refused (403) and keep all their data.")
            .Resolve(c => c.Source.Status);
    }
}
