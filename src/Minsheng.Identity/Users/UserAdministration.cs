using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.Identity.Store;
using Minsheng.Identity.Tokens;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Identity.Users;

public sealed record NewUser(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<Guid> UnitIds);

public sealed record UserChange(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? UnitIds, bool? Disabled);

/// <summary>A user with roles and units, as the tenant administrator sees it.</summary>
public sealed record UserView(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> UnitIds, bool Disabled,
    bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>
/// A tenant administrator's management of the tenant's users: create with a password (hashed by Identity), change
/// roles, units and display name, disable and enable. Every read and change is bound to the caller's tenant: a user
/// of another tenant is "not found". Disabling takes effect at once for this server's tokens.
/// </summary>
public sealed class UserAdministration(UserManager<PlatformUser> users, AccessDbContext db, NpgsqlDataSource dataSource, AccessRevocations revocations,
    ICallerAccessor caller, TimeProvider clock)
{
    public async Task<UserView> CreateAsync(Guid tenantId, NewUser input, CancellationToken ct)
    {
        var roles = CheckRoles(input.Roles);
        await CheckUnitsAsync(tenantId, input.UnitIds, ct);
        var user = Person(input.UserName, input.DisplayName, tenantId, regionCode: null);
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        await InsertAsync(user, input.Password);
        Check(await users.AddToRolesAsync(user, roles));
        db.UserUnits.AddRange(input.UnitIds.Distinct().Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        await db.SaveChangesAsync(ct);
        var view = await ViewAsync(user, ct);
        await AccessAudit.RecordAsync(db, tenantId, caller.Current.ActorId, "create", "User", user.Id, null, Snapshot(view), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(CancellationToken.None);
        return view;
    }

    /// <summary>
    /// A city's or province's analyst (the platform administrator's act): reads the tenants below the region, never
    /// writes. Belongs to no tenant.
    /// </summary>
    public async Task<UserView> CreateRegionAnalystAsync(string regionCode, string userName, string displayName, string password, CancellationToken ct)
    {
        if (!Domain.Regions.Region.IsValidCode(regionCode) || Domain.Regions.Region.LevelOf(regionCode) == Domain.Regions.RegionLevel.County)
            throw DomainException.Invalid("regionCode", $"'{regionCode}' is not the code of a city, a province or the country (000000) (a county has nothing below it to read).");
        return await CreateOutsideTenantsAsync(Person(userName, displayName, tenantId: null, regionCode), password, Roles.RegionAnalyst, ct);
    }

    /// <summary>A platform administrator (the CLI creates the first one of an installation).</summary>
    public Task<UserView> CreatePlatformAdminAsync(string userName, string displayName, string password, CancellationToken ct) =>
        CreateOutsideTenantsAsync(Person(userName, displayName, tenantId: null, regionCode: null), password, Roles.PlatformAdmin, ct);

    /// <summary>A region analyst or platform administrator: no tenant, so no tenant transaction and no tenant audit trail.</summary>
    private async Task<UserView> CreateOutsideTenantsAsync(PlatformUser user, string password, string role, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await InsertAsync(user, password);
        Check(await users.AddToRoleAsync(user, role));
        await transaction.CommitAsync(CancellationToken.None);
        return await ViewAsync(user, ct);
    }

    private PlatformUser Person(string userName, string displayName, Guid? tenantId, string? regionCode) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = userName.Trim(),
        DisplayName = CheckDisplayName(displayName),
        TenantId = tenantId,
        RegionCode = regionCode,
        CreatedAt = clock.GetUtcNow(),
        LockoutEnabled = true,
    };

    /// <summary>Creates the user with its hashed password; a name taken anywhere is a conflict.</summary>
    private async Task InsertAsync(PlatformUser user, string password)
    {
        try
        {
            Check(await users.CreateAsync(user, password));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Identity's own check sees this tenant's users only (row-level security); the index sees everyone's.
            throw DomainException.Conflict("The user name is taken.");
        }
    }

    public async Task<UserView> UpdateAsync(Guid tenantId, Guid userId, UserChange change, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        var user = await FindAsync(tenantId, userId);
        var before = Snapshot(await ViewAsync(user, ct));
        if (change.DisplayName is not null) user.DisplayName = CheckDisplayName(change.DisplayName);
        if (change.Disabled is { } disabled) user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        if (change.Roles is not null)
        {
            var roles = CheckRoles(change.Roles);
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(current)));
        }
        if (change.UnitIds is not null)
        {
            await CheckUnitsAsync(tenantId, change.UnitIds, ct);
            db.UserUnits.RemoveRange(await db.UserUnits.Where(u => u.UserId == user.Id).ToListAsync(ct));
            db.UserUnits.AddRange(change.UnitIds.Distinct().Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
            await db.SaveChangesAsync(ct);
        }
        var after = await ViewAsync(user, ct);
        await AccessAudit.RecordAsync(db, tenantId, caller.Current.ActorId, "update", "User", user.Id, before, Snapshot(after), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(CancellationToken.None);
        revocations.Forget(TokenClaims.UserKind, user.Id.ToString());
        return after;
    }

    /// <summary>What the audit trail keeps of a user: no password hash, no security stamp.</summary>
    private static object Snapshot(UserView v) => new { v.UserName, v.DisplayName, v.Roles, v.UnitIds, v.Disabled };

    /// <summary>
    /// A new password set by the tenant administrator (a user who forgot theirs), which also lifts a lockout. The
    /// password itself is in no audit entry.
    /// </summary>
    public async Task<UserView> ResetPasswordAsync(Guid tenantId, Guid userId, string password, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        var user = await FindAsync(tenantId, userId);
        foreach (var validator in users.PasswordValidators)
            Check(await validator.ValidateAsync(users, user, password), "password");
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        var view = await ViewAsync(user, ct);
        await AccessAudit.RecordAsync(db, tenantId, caller.Current.ActorId, "reset-password", "User", user.Id, null, Snapshot(view), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(CancellationToken.None);
        return view;
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var transaction = await db.BeginTenantTransactionAsync(tenantId, ct);
        var list = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.UserName).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var units = await db.UserUnits.Where(u => ids.Contains(u.UserId)).ToListAsync(ct);
        return [.. list.Select(u => View(u, [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            [.. units.Where(x => x.UserId == u.Id).Select(x => x.UnitId)]))];
    }

    private async Task<PlatformUser> FindAsync(Guid tenantId, Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) is { } user && user.TenantId == tenantId ? user : throw DomainException.NotFound("User", userId);

    private async Task<UserView> ViewAsync(PlatformUser user, CancellationToken ct) =>
        View(user, [.. (await users.GetRolesAsync(user)).Order()],
            await db.UserUnits.Where(u => u.UserId == user.Id).Select(u => u.UnitId).ToListAsync(ct));

    private UserView View(PlatformUser u, IReadOnlyList<string> roles, IReadOnlyList<Guid> units) =>
        new(u.Id, u.UserName!, u.DisplayName, roles, units, u.IsDisabled, u.LockoutEnd > clock.GetUtcNow(), u.CreatedAt);

    private static string[] CheckRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0) throw DomainException.Invalid("roles", "A user needs at least one role.");
        if (roles.FirstOrDefault(r => !Roles.TenantRoles.Contains(r)) is { } bad)
            throw DomainException.Invalid("roles", $"'{bad}' is not a role of a tenant's user; use one of {string.Join(", ", Roles.TenantRoles)}.");
        return [.. roles.Distinct()];
    }

    private static string CheckDisplayName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= 100 ? trimmed : throw DomainException.Invalid("displayName", "A display name of 1 to 100 characters is required.");
    }

    /// <summary>The units must be the tenant's own: read under the tenant's row-level security, so another tenant's unit is simply not there.</summary>
    private async Task CheckUnitsAsync(Guid tenantId, IReadOnlyList<Guid> unitIds, CancellationToken ct)
    {
        if (unitIds.Count == 0) return;
        if (unitIds.Count > 100) throw DomainException.Invalid("unitIds", "At most 100 units.");
        var found = (await dataSource.QueryAsTenantAsync(tenantId, "SELECT id FROM units WHERE tenant_id = $1 AND id = ANY($2)",
            r => r.GetGuid(0), ct, tenantId, unitIds.Distinct().ToArray())).ToHashSet();
        if (unitIds.FirstOrDefault(u => !found.Contains(u)) is var missing && missing != Guid.Empty)
            throw DomainException.Invalid("unitIds", $"Unit {missing} is not a unit of this tenant.");
    }

    private static void Check(IdentityResult result, string? fieldAtFault = null)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        var field = fieldAtFault ?? error.Code switch
        {
            var c when c.Contains("Password", StringComparison.Ordinal) => "password",
            var c when c.Contains("UserName", StringComparison.Ordinal) => "userName",
            _ => "input",
        };
        if (error.Code == "DuplicateUserName") throw DomainException.Conflict($"The user name is taken.");
        throw DomainException.Invalid(field, error.Description);
    }
}
