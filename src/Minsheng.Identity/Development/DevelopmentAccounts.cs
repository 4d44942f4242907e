using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Access;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Tokens;
using Minsheng.Identity.Users;
using Npgsql;

namespace Minsheng.Identity.Development;

/// <summary>
/// Development only, with the demo tenants: a user for each role, two region analysts, a platform administrator
/// and two dashboard clients, with the passwords and secrets the README shows. Created once; an account that
/// exists is left as it is.
/// </summary>
public sealed class DevelopmentAccounts(IServiceScopeFactory scopes, ILogger<DevelopmentAccounts> log) : IHostedService
{
    /// <summary>Every demo user's password. Development only: never configure a real server with the demo data.</summary>
    public const string Password = "Minsheng-2026";

    public const string CountyClientId = "dashboard-411302";
    public const string CountyClientSecret = "dev-secret-411302";
    public const string ProvinceClientId = "dashboard-410000";
    public const string ProvinceClientSecret = "dev-secret-410000";

    /// <summary>The tenants whose users get every role; the other demo tenants get an administrator.</summary>
    private static readonly string[] FullTenants = ["411302", "411303"];
    private static readonly string[] OtherTenants = ["410000", "411300", "411321", "411322"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var tenants = services.GetRequiredService<TenantDirectory>();
        var created = 0;
        foreach (var code in FullTenants.Concat(OtherTenants))
        {
            if (await tenants.FindByCodeAsync(code, cancellationToken) is not { } tenant) continue;
            var roles = FullTenants.Contains(code) ? Roles.TenantRoles : [Roles.TenantAdmin];
            var unit = roles.Contains(Roles.UnitClerk) ? await BusiestLeadUnitAsync(services.GetRequiredService<NpgsqlDataSource>(), tenant.Id, cancellationToken) : null;
            foreach (var role in roles)
            {
                var bindsUnit = role is Roles.UnitClerk or Roles.UnitHead && unit is not null;
                created += await EnsureUserAsync(users, services, $"{code}-{role.Replace('_', '-')}", $"{code} {role}", role, tenant.Id, null,
                    bindsUnit ? [unit!.Value] : []);
            }
        }
        created += await EnsureUserAsync(users, services, "henan-analyst", "河南省分析员", Roles.RegionAnalyst, null, "410000", []);
        created += await EnsureUserAsync(users, services, "nanyang-analyst", "南阳市分析员", Roles.RegionAnalyst, null, "411300", []);
        created += await EnsureUserAsync(users, services, "platform-admin", "平台管理员", Roles.PlatformAdmin, null, null, []);

        var clients = services.GetRequiredService<DashboardClients>();
        if (await clients.FindAsync(CountyClientId, cancellationToken) is null && await tenants.FindByCodeAsync("411302", cancellationToken) is { } county)
            created += await OnceAsync(() => clients.RegisterAsync(new ClientRegistration("宛城区大屏 (demo)", ["http://localhost:5173"], false, [], null),
                county.Id, null, "development", cancellationToken, CountyClientId, CountyClientSecret), services.GetRequiredService<Store.AccessDbContext>());
        if (await clients.FindAsync(ProvinceClientId, cancellationToken) is null)
            created += await OnceAsync(() => clients.RegisterAsync(new ClientRegistration("河南省大屏 (demo)", ["http://localhost:5173"], false, [], null),
                null, "410000", "development", cancellationToken, ProvinceClientId, ProvinceClientSecret), services.GetRequiredService<Store.AccessDbContext>());
        if (created > 0) log.LogInformation("Development accounts: {Count} created (password {Password}; see the README).", created, Password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> EnsureUserAsync(UserManager<PlatformUser> users, IServiceProvider services, string userName, string displayName,
        string role, Guid? tenantId, string? regionCode, IReadOnlyList<Guid> units)
    {
        if (await users.FindByNameAsync(userName) is not null) return 0;
        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, TenantId = tenantId, RegionCode = regionCode,
            CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true,
        };
        IdentityResult? result = null;
        var db = services.GetRequiredService<Store.AccessDbContext>();
        if (await OnceAsync(async () => result = await users.CreateAsync(user, Password), db) == 0) return 0;
        if (!result!.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "DuplicateUserName")) return 0;
            throw new InvalidOperationException($"Could not create {userName}: {result.Errors.First().Description}");
        }
        await users.AddToRoleAsync(user, role);
        db.UserUnits.AddRange(units.Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        await db.SaveChangesAsync();
        return 1;
    }

    /// <summary>
    /// 1 when the account was created here, 0 when another server starting on the same database created it at the
    /// same moment (the unique index refused the second): both then go on with the one that exists.
    /// </summary>
    private static async Task<int> OnceAsync(Func<Task> create, Store.AccessDbContext db)
    {
        try
        {
            await create();
            return 1;
        }
        catch (Exception e) when ((e as Microsoft.EntityFrameworkCore.DbUpdateException)?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                                  || e is OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException)
        {
            // The refused row must not be sent again with the next save of this scope.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>The unit that leads the most of the tenant's projects: the demo clerk and head have reports to file and sign.</summary>
    private static async Task<Guid?> BusiestLeadUnitAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken ct)
    {
        var busiest = await dataSource.QueryAsTenantAsync(tenantId, """
            SELECT u.id FROM units u LEFT JOIN project_units pu ON pu.tenant_id = u.tenant_id AND pu.unit_id = u.id AND pu.role = 'Lead'
            WHERE u.tenant_id = $1 GROUP BY u.id, u.name ORDER BY count(pu.project_id) DESC, u.name LIMIT 1
            """, r => r.GetGuid(0), ct, tenantId);
        return busiest.Count == 0 ? null : busiest[0];
    }
}
