using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Minsheng.Application.Tenants;
using Minsheng.Domain;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Tenants;

/// <summary>The tenant of the request; onboarding, disabling and enabling tenants (a platform administrator's acts).</summary>
public sealed class TenantsContributor(IConfiguration configuration, IHostEnvironment environment) : ISchemaContributor
{
    /// <summary>
    /// Until sign-in arrives nobody can be told apart from a platform administrator, so adding, disabling and
    /// enabling tenants over the API is on only where this says so: by default in Development, never silently in
    /// Production. The identity issue replaces this switch with the administrator's permission.
    /// The CLI (`minsheng tenants add|disable|enable`) works regardless.
    /// </summary>
    public const string AllowAdministrationSetting = "Administration:AllowTenantAdministration";

    private bool AdministrationAllowed => configuration.GetValue(AllowAdministrationSetting, environment.IsDevelopment());

    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<TenantType>("tenant").Description("The government this request acts for; null without one.")
            .Resolve(c => c.Service<ITenantContextAccessor>().Current);

        schema.Mutation.AddMutation<AddTenantInputType, AddTenant, AddedTenantType>("addTenant", async (c, input) =>
        {
            RequireAdministration("add");
            return await c.Service<TenantAdministration>().AddAsync(input.RegionCode, c.CancellationToken);
        }, "Onboards the government of a region as a tenant, named from the shipped GB/T 2260 list (platform administrators).");

        schema.Mutation.AddMutation<DisableTenantInputType, TenantByRegionCode, TenantStatusChangeType>("disableTenant", async (c, input) =>
        {
            RequireAdministration("disable");
            return await c.Service<TenantAdministration>().DisableAsync(input.RegionCode, c.CancellationToken);
        }, "Disables a tenant: its requests are refused with FORBIDDEN, nothing is deleted (platform administrators). Other server processes refuse it within a minute.");

        schema.Mutation.AddMutation<EnableTenantInputType, TenantByRegionCode, TenantStatusChangeType>("enableTenant", async (c, input) =>
        {
            RequireAdministration("enable");
            return await c.Service<TenantAdministration>().EnableAsync(input.RegionCode, c.CancellationToken);
        }, "Enables a disabled tenant again, with all its data (platform administrators).");
    }

    private void RequireAdministration(string verb)
    {
        if (!AdministrationAllowed)
            throw new DomainException(DomainErrorKind.Forbidden, $"Administering tenants over the API is switched off ({AllowAdministrationSetting}); use the CLI: minsheng tenants {verb} <code>.");
    }
}
