using Microsoft.AspNetCore.Identity;

namespace Minsheng.Identity.Users;

/// <summary>
/// A person who signs in. Belongs to one tenant (county staff), or to one region (a city's or province's
/// analyst), or to neither (the platform administrator). Passwords are hashed by Identity.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public Guid? TenantId { get; set; }

    /// <summary>The region a region analyst reads below; null for tenant staff.</summary>
    public string? RegionCode { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in, and tokens already issued stop working (see AccessRevocations).</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A unit (department) a unit clerk or unit head acts for.</summary>
public sealed class UserUnit
{
    public Guid UserId { get; set; }
    public Guid UnitId { get; set; }
}
