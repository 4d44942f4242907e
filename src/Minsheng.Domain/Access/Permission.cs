namespace Minsheng.Domain.Access;

/// <summary>
/// What a caller may do. Every GraphQL field declares the one it needs; a caller's permissions come from its
/// roles (people) or its scopes (dashboard clients) through <see cref="Roles"/> and <see cref="ApiScopes"/>.
/// </summary>
public enum Permission
{
    /// <summary>Read the plans, projects, targets, milestones, units and reports of the caller's tenant.</summary>
    ReadTenantData,

    /// <summary>Create and change plans, projects, targets, milestones and units; import plan documents.</summary>
    EditPlans,

    /// <summary>File monthly progress reports for the caller's own units.</summary>
    FileReports,

    /// <summary>Create users of the tenant, give them roles and units, disable them.</summary>
    ManageUsers,

    /// <summary>Register and revoke the tenant's dashboard clients.</summary>
    ManageClients,

    /// <summary>Create, disable and enable tenants: the platform operator only.</summary>
    ManageTenants,
}

/// <summary>
/// The access rule of a GraphQL field: a permission, or one of the two rules that need none. Declared next to
/// every field; a field without one is refused (and a test walks the schema for them).
/// </summary>
public readonly record struct AccessRule
{
    private AccessRule(Permission? permission, string kind)
    {
        Required = permission;
        Kind = kind;
    }

    /// <summary>The permission the caller must hold; null for <see cref="Public"/> and <see cref="ThroughParent"/>.</summary>
    public Permission? Required { get; }

    public string Kind { get; }

    /// <summary>Anyone, signed in or not: shared reference data (regions) and <c>__typename</c>-like plumbing.</summary>
    public static readonly AccessRule Public = new(null, "public");

    /// <summary>
    /// Fields of a type that is only ever reached through a field that was checked (an edge of a connection, a
    /// payload of a mutation): the rule of the field that returned it applies.
    /// </summary>
    public static readonly AccessRule ThroughParent = new(null, "through-parent");

    public static AccessRule Requires(Permission permission) => new(permission, "permission");

    public override string ToString() => Required is { } p ? $"requires {p}" : Kind;
}
