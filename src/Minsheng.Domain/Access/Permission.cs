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

    /// <summary>Sign a unit's reports off (the unit head's signature and seal), or send them back: own units only.</summary>
    SignOffReports,

    /// <summary>Accept signed-off reports, or return them with a reason: the supervision office.</summary>
    ReviewReports,

    /// <summary>Issue 督办 notices, re-check the units' replies, close them or escalate; close out (销号) completed projects: the supervision office.</summary>
    Supervise,

    /// <summary>Sign for (签收) and answer (反馈) the 督办 notices of the caller's own units.</summary>
    AnswerNotices,

    /// <summary>Set the tenant's own rules (the day reports are due).</summary>
    ConfigureTenant,

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
    private AccessRule(Permission[] anyOf, string kind)
    {
        AnyOf = anyOf;
        Kind = kind;
    }

    /// <summary>The caller must hold one of these; empty for <see cref="Public"/> and <see cref="ThroughParent"/>.</summary>
    public IReadOnlyList<Permission> AnyOf { get; }

    /// <summary>The (first) permission required; null when none is.</summary>
    public Permission? Required => AnyOf.Count > 0 ? AnyOf[0] : null;

    public string Kind { get; }

    /// <summary>Anyone, signed in or not: shared reference data (regions) and <c>__typename</c>-like plumbing.</summary>
    public static readonly AccessRule Public = new([], "public");

    /// <summary>
    /// Fields of a type that is only ever reached through a field that was checked (an edge of a connection, a
    /// payload of a mutation): the rule of the field that returned it applies.
    /// </summary>
    public static readonly AccessRule ThroughParent = new([], "through-parent");

    public static AccessRule Requires(Permission permission) => new([permission], "permission");

    /// <summary>Any one of several permissions (returning a report: the unit head before sign-off, the office after).</summary>
    public static AccessRule RequiresAny(params Permission[] permissions) => new(permissions, "any permission");

    public bool IsSatisfiedBy(IReadOnlySet<Permission> held) => AnyOf.Count == 0 || AnyOf.Any(held.Contains);

    public override string ToString() => AnyOf.Count > 0 ? $"requires {string.Join(" or ", AnyOf)}" : Kind;
}
