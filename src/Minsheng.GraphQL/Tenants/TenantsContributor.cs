using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Minsheng.Application.Tenants;
using Minsheng.Domain;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Tenants;

/// <summary>The tenant of the request, and onboarding a new one (a platform administrator's act).</summary>
public sealed class TenantsContributor(IConfiguration configuration, IHostEnvironment environment) : ISchemaContributor
{
    /// <summary>
    /// Until sign-in arrives nobody can be told apart from a platform administrator, so onboarding over the API
    /// is on only where this says so: by default in Development, never silently in Production. The identity
    /// issue replaces this switch with the administrator's permission. The CLI (`minsheng tenants add`) works regardless.
    /// </summary>
    public const string AllowOnboardingSetting = "Administration:AllowTenantOnboarding";

    private bool OnboardingAllowed => configuration.GetValue(AllowOnboardingSetting, environment.IsDevelopment());

    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<TenantType>("tenant").Description("The government this request acts for; null without one.")
            .Resolve(c => c.Service<ITenantContextAccessor>().Current);

        schema.Mutation.AddMutation<AddTenantInputType, AddTenant, AddedTenantType>("addTenant", async (c, input) =>
        {
            if (!OnboardingAllowed)
                throw new DomainException(DomainErrorKind.Forbidden, $"Onboarding tenants over the API is switched off ({AllowOnboardingSetting}); use the CLI: minsheng tenants add <code>.");
            return await c.Service<TenantAdministration>().AddAsync(input.RegionCode, c.CancellationToken);
        }, "Onboards the government of a region as a tenant, named from the shipped GB/T 2260 list (platform administrators).");
    }
}
