using Minsheng.Application.Tenants;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Tenants;

/// <summary>
/// The tenant of the request; onboarding, disabling and enabling tenants, which need the platform administrator's
/// permission (the CLI, `minsheng tenants add|disable|enable`, is the operator's way in without a token).
/// </summary>
public sealed class TenantsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<TenantType>("tenant").Requires(Permission.ReadTenantData).Description("The government this request acts for; null without one.")
            .Resolve(c => c.Service<ITenantContextAccessor>().Current);

        schema.Mutation.AddMutation<AddTenantInputType, AddTenant, AddedTenantType>("addTenant", Permission.ManageTenants, async (c, input) =>
            await c.Service<TenantAdministration>().AddAsync(input.RegionCode, c.CancellationToken),
            "Onboards the government of a region as a tenant, named from the shipped GB/T 2260 list (platform administrators).");

        schema.Mutation.AddMutation<DisableTenantInputType, TenantByRegionCode, TenantStatusChangeType>("disableTenant", Permission.ManageTenants, async (c, input) =>
            await c.Service<TenantAdministration>().DisableAsync(input.RegionCode, c.CancellationToken),
            "Disables a tenant: its requests are refused with FORBIDDEN, nothing is deleted (platform administrators). Other server processes refuse it within a minute.");

        schema.Mutation.AddMutation<EnableTenantInputType, TenantByRegionCode, TenantStatusChangeType>("enableTenant", Permission.ManageTenants, async (c, input) =>
            await c.Service<TenantAdministration>().EnableAsync(input.RegionCode, c.CancellationToken),
            "Enables a disabled tenant again, with all its data (platform administrators).");
    }
}
