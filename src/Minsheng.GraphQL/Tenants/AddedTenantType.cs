using Minsheng.Application.Tenants;
using Minsheng.Domain.Regions;
using Minsheng.GraphQL.Regions;

namespace Minsheng.GraphQL.Tenants;

public sealed class AddedTenantType : ObjectGraphType<AddedTenant>
{
    public AddedTenantType()
    {
        Name = "AddedTenant";
        this.ReachedThroughCheckedField();
        Description = "A government just onboarded as a tenant.";
        Field(t => t.RegionCode);
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("ancestors").Description("The regions above it, province first.")
            .Resolve(c => c.Source.Ancestors.Select(r => new RegionRow(r.Code, r.Name, r.Level.ToString(), r.ParentCode)).ToList());
    }
}
