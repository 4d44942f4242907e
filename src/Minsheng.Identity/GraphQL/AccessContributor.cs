using GraphQL;
using GraphQL.Types;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Users;
using Minsheng.Tenancy;

namespace Minsheng.Identity.GraphQL;

/// <summary>
/// Identity's part of the schema: who am I (<c>me</c>), the tenant's users (tenant administrators) and dashboard
/// clients. Composed into the schema like any core module.
/// </summary>
public sealed class AccessContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<CallerType>>("me").Public()
            .Description("Who this request is taken to be: kind, tenant or region, permissions. Anyone may ask.")
            .Resolve(c => c.Service<ICallerAccessor>().Current);
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("users").Requires(Permission.ManageUsers)
            .Description("The tenant's users (tenant administrators).")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<UserAdministration>().ListAsync(TenantId(c), c.CancellationToken)));
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DashboardClientType>>>>("dashboardClients").Requires(Permission.ManageClients)
            .Description("The tenant's dashboard clients, revoked ones included (tenant administrators).")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<DashboardClients>().ListAsync(TenantId(c), c.CancellationToken)));

        schema.Mutation.AddMutation<CreateUserInputType, CreateUserRecord, UserType>("createUser", Permission.ManageUsers, async (c, input) =>
            await c.Service<UserAdministration>().CreateAsync(TenantId(c),
                new NewUser(input.UserName, input.DisplayName, input.Password, input.Roles, input.UnitIds ?? []), c.CancellationToken),
            "Creates a user of the tenant with roles (and units, for clerks and heads).");
        schema.Mutation.AddMutation<UpdateUserInputType, UpdateUserRecord, UserType>("updateUser", Permission.ManageUsers, async (c, input) =>
            await c.Service<UserAdministration>().UpdateAsync(TenantId(c), input.Id,
                new UserChange(input.DisplayName, input.Roles, input.UnitIds, input.Disabled), c.CancellationToken),
            "Changes a user's name, roles or units, or disables and enables the user.");
        schema.Mutation.AddMutation<ResetUserPasswordInputType, ResetPasswordRecord, UserType>("resetUserPassword", Permission.ManageUsers, async (c, input) =>
            await c.Service<UserAdministration>().ResetPasswordAsync(TenantId(c), input.Id, input.Password, c.CancellationToken),
            "Sets a new password for a user of the tenant (who forgot theirs) and lifts a lockout.");
        schema.Mutation.AddMutation<CreateRegionAnalystInputType, CreateRegionAnalystRecord, UserType>("createRegionAnalyst", Permission.ManageTenants,
            async (c, input) => await c.Service<UserAdministration>().CreateRegionAnalystAsync(input.RegionCode, input.UserName, input.DisplayName,
                input.Password, c.CancellationToken),
            "Creates a city's or province's analyst, who reads the tenants below the region and never writes (platform administrators).");
        schema.Mutation.AddMutation<RegisterRegionClientInputType, RegisterRegionClientRecord, RegisteredClientType>("registerRegionClient",
            Permission.ManageTenants, async (c, input) =>
            {
                if (!Domain.Regions.Region.IsValidCode(input.RegionCode) || Domain.Regions.Region.LevelOf(input.RegionCode) == Domain.Regions.RegionLevel.County)
                    throw DomainException.Invalid("regionCode", $"'{input.RegionCode}' is not the code of a city or province.");
                return await c.Service<DashboardClients>().RegisterAsync(input.Registration, null, input.RegionCode,
                    c.Service<ICallerAccessor>().Current.ActorId, c.CancellationToken);
            },
            "Registers a dashboard client for a city or province (platform administrators): it reads the tenants below the region. The secret is shown once.");
        schema.Mutation.AddMutation<RegisterDashboardClientInputType, ClientRegistration, RegisteredClientType>("registerDashboardClient",
            Permission.ManageClients, async (c, input) =>
                await c.Service<DashboardClients>().RegisterAsync(input, TenantId(c), null, c.Service<ICallerAccessor>().Current.ActorId, c.CancellationToken),
            "Registers a dashboard client that reads this tenant's data (client credentials, scope read). The secret is shown once.");
        schema.Mutation.AddMutation<UpdateDashboardClientInputType, UpdateClientRecord, DashboardClientType>("updateDashboardClient", Permission.ManageClients,
            async (c, input) => await c.Service<DashboardClients>().UpdateAsync(TenantId(c), input.Id, input.Change, c.CancellationToken),
            "Changes a dashboard client's origins, trusted documents (and whether it is locked to them) or rate.");
        schema.Mutation.AddMutation<RevokeDashboardClientInputType, ClientById, DashboardClientType>("revokeDashboardClient", Permission.ManageClients,
            async (c, input) => await c.Service<DashboardClients>().RevokeAsync(TenantId(c), input.Id, c.CancellationToken),
            "Revokes a dashboard client: no new tokens, and its tokens already issued stop working.");
    }

    private static Guid TenantId(IResolveFieldContext context) =>
        context.Service<ITenantContextAccessor>().Current?.TenantId
        ?? throw new DomainException(DomainErrorKind.Forbidden, "No tenant was selected for this request.");
}
