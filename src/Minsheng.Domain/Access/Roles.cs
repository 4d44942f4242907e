namespace Minsheng.Domain.Access;

/// <summary>
/// The roles a person can hold, and what each may do. Tenant roles belong to one county (or city, or province
/// acting as a tenant); a region analyst belongs to a region and reads its descendants' data; the platform
/// administrator runs the platform and sees no tenant's data.
/// </summary>
public static class Roles
{
    public const string TenantAdmin = "tenant_admin";
    /// <summary>督查室: the supervision office that runs the plan and chases lagging projects.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>A unit's clerk, bound to one or more units, who files their monthly reports.</summary>
    public const string UnitClerk = "unit_clerk";
    /// <summary>A unit's head, who signs the unit's reports off.</summary>
    public const string UnitHead = "unit_head";
    /// <summary>A certifying unit (e.g. the statistics bureau) that certifies reported figures.</summary>
    public const string Certifier = "certifier";
    public const string Viewer = "viewer";
    /// <summary>A city's or province's analyst: reads its descendants' data, never writes.</summary>
    public const string RegionAnalyst = "region_analyst";
    public const string PlatformAdmin = "platform_admin";

    /// <summary>The roles a tenant administrator may give to the tenant's users.</summary>
    public static readonly IReadOnlyList<string> TenantRoles = [TenantAdmin, Supervisor, UnitClerk, UnitHead, Certifier, Viewer];

    public static readonly IReadOnlyList<string> All = [.. TenantRoles, RegionAnalyst, PlatformAdmin];

    private static readonly Dictionary<string, Permission[]> PermissionsOfRole = new(StringComparer.Ordinal)
    {
        [TenantAdmin] = [Permission.ReadTenantData, Permission.EditPlans, Permission.ConfigureTenant, Permission.ManageUsers, Permission.ManageClients],
        [Supervisor] = [Permission.ReadTenantData, Permission.EditPlans, Permission.ReviewReports, Permission.Supervise],
        [UnitClerk] = [Permission.ReadTenantData, Permission.FileReports, Permission.AnswerNotices],
        [UnitHead] = [Permission.ReadTenantData, Permission.FileReports, Permission.SignOffReports, Permission.AnswerNotices],
        [Certifier] = [Permission.ReadTenantData],
        [Viewer] = [Permission.ReadTenantData],
        [RegionAnalyst] = [Permission.ReadTenantData],
        [PlatformAdmin] = [Permission.ManageTenants],
    };

    public static bool IsKnown(string role) => PermissionsOfRole.ContainsKey(role);

    /// <summary>The union of the roles' permissions; unknown role names grant nothing.</summary>
    public static IReadOnlySet<Permission> PermissionsOf(IEnumerable<string> roles)
    {
        var granted = new HashSet<Permission>();
        foreach (var role in roles)
            if (PermissionsOfRole.TryGetValue(role, out var permissions)) granted.UnionWith(permissions);
        return granted;
    }
}

/// <summary>
/// OAuth scopes of the API. A token's permissions are its roles' permissions (people) or its scopes' (clients),
/// and never more than its scopes allow: a token without <see cref="Write"/> never writes.
/// </summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    /// <summary>What a scope allows at most.</summary>
    public static IReadOnlySet<Permission> Ceiling(IEnumerable<string> scopes)
    {
        var allowed = new HashSet<Permission>();
        foreach (var scope in scopes)
        {
            if (scope == Read) allowed.Add(Permission.ReadTenantData);
            if (scope == Write)
                allowed.UnionWith([Permission.EditPlans, Permission.FileReports, Permission.SignOffReports, Permission.ReviewReports, Permission.Supervise, Permission.AnswerNotices, Permission.ConfigureTenant,
                    Permission.ManageUsers, Permission.ManageClients, Permission.ManageTenants]);
        }
        return allowed;
    }
}
