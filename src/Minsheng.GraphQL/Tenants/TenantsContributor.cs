using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Tenants;

public sealed class TenantsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.Query.Field<TenantType>("tenant").Description("The government this request acts for; null without one.")
            .Resolve(c => c.Service<ITenantContextAccessor>().Current);
}
