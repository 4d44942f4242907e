using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Access;
using Minsheng.Identity.Store;
using Minsheng.Identity.Users;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// A person's token, built from what the database says now: roles, units and tenant are read at sign-in and again
/// at every refresh, so a change (a role taken away, a user disabled, a tenant disabled) applies at the next refresh
/// at the latest.
/// </summary>
public sealed class UserPrincipals(UserManager<PlatformUser> users, AccessDbContext db, TenantDirectory tenants)
{
    /// <summary>The principal for the user's access token, or why the user may not have one.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Refusal)> BuildAsync(PlatformUser? user, IEnumerable<string> requestedScopes, CancellationToken ct)
    {
        if (user is null) return (null, "The user no longer exists.");
        if (user.IsDisabled) return (null, "This account is disabled.");
        if (await users.IsLockedOutAsync(user)) return (null, "This account is locked after repeated failed sign-ins.");
        string? tenantCode = null;
        if (user.TenantId is { } tenantId)
        {
            var tenant = await tenants.FindAsync(tenantId, ct);
            if (tenant is not { Status: "Active" }) return (null, "The tenant of this account is not active.");
            tenantCode = tenant.Value.Code;
        }
        var roles = await users.GetRolesAsync(user);
        var units = await db.UserUnits.Where(u => u.UserId == user.Id).Select(u => u.UnitId).ToListAsync(ct);
        // A region analyst only reads: whatever it asks for, its token carries no write scope.
        var allowed = user.RegionCode is null ? ApiScopes.All : [ApiScopes.Read];
        return (TokenClaims.ForUser(user, roles, units, tenantCode, TokenClaims.GrantedApiScopes(requestedScopes, allowed)), null);
    }
}
