using Minsheng.Domain.Regions;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Tenants;

public sealed class TenantType : ObjectGraphType<TenantContext>
{
    public TenantType(IEnumerable<ITypeExtension<TenantType>> extensions)
    {
        Name = "Tenant";
        this.RequiresForFields(Permission.ReadTenantData);
        Description = "The government this request acts for.";
        Field(t => t.RegionCode).Description("GB/T 2260 six-digit code; identifies the tenant.");
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("enabledPlugins").Resolve(c => c.Source.EnabledPlugins);
        this.ApplyExtensions(extensions);
    }
}
