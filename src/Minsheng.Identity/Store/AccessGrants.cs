using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

namespace Minsheng.Identity.Store;

/// <summary>What the application role may do with the identity tables (it owns none of them).</summary>
public static class AccessGrants
{
    private static readonly string[] ReadWrite =
    [
        "identity_users", "identity_user_roles", "identity_user_claims", "identity_user_logins", "identity_user_tokens",
        "identity_user_units", "dashboard_clients", "openiddict_applications", "openiddict_authorizations", "openiddict_scopes",
        "openiddict_tokens",
    ];

    // Roles are fixed by the schema; keys are only ever added (a server never rewrites another's key).
    private static readonly string[] ReadOnly = ["identity_roles", "identity_role_claims"];
    private static readonly string[] AppendOnly = ["token_keys", "data_protection_keys"];

    public static void Grant(MigrationBuilder migration)
    {
        foreach (var table in ReadWrite) migration.Sql($"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {DatabaseRoles.App};");
        foreach (var table in ReadOnly) migration.Sql($"GRANT SELECT ON {table} TO {DatabaseRoles.App};");
        foreach (var table in AppendOnly) migration.Sql($"GRANT SELECT, INSERT ON {table} TO {DatabaseRoles.App};");
        foreach (var table in TenantScopedTables) EnableTenantScope(migration, table);
        // Identity columns (claims, Data Protection keys) draw from sequences.
        migration.Sql($"GRANT USAGE, SELECT ON SEQUENCE identity_user_claims_id_seq, identity_role_claims_id_seq, data_protection_keys_id_seq TO {DatabaseRoles.App};");
    }

    /// <summary>The identity tables whose rows belong to a tenant.</summary>
    public static readonly string[] TenantScopedTables = ["identity_users", "dashboard_clients"];

    /// <summary>
    /// Row-level security on a tenant's users and clients, with one difference from the core tables: a transaction
    /// that names no tenant sees every row. Signing in must find a user by name before any tenant is known (and token
    /// issuance a client by its id), so the sign-in server works without one; every tenant administrator's read and
    /// change runs with its tenant set (<see cref="AccessDbContext.BeginTenantTransactionAsync"/>), and then only
    /// that tenant's rows exist, whatever the query forgot.
    /// </summary>
    public static void EnableTenantScope(MigrationBuilder migration, string table)
    {
        migration.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migration.Sql($"DROP POLICY IF EXISTS {RowLevelSecurityTables.PolicyName} ON {table};");
        migration.Sql($"CREATE POLICY {RowLevelSecurityTables.PolicyName} ON {table} USING ({ScopePredicate}) WITH CHECK ({ScopePredicate});");
    }

    private const string Setting = $"nullif(current_setting('{TenantSetting.Name}', true), '')";

    /// <summary>
    /// No tenant named: every row; else the named tenants' rows, the setting converted to uuid[] once per statement (in
    /// the subquery, as <see cref="RowLevelSecurityTables.Predicate"/> does for the core tables).
    /// </summary>
    public const string ScopePredicate = $"{Setting} IS NULL OR tenant_id = ANY (CAST((SELECT string_to_array({Setting}, ',')::uuid[]) AS uuid[]))";

    /// <summary>The first form (migration IdentityAndTokens): the setting converted for every row.</summary>
    public const string ScopePredicatePerRow = $"{Setting} IS NULL OR tenant_id = ANY (string_to_array({Setting}, ',')::uuid[])";

    /// <summary>Rewrites the scope policy of every tenant-scoped identity table to <paramref name="predicate"/>.</summary>
    public static void AlterTenantScope(MigrationBuilder migration, string predicate)
    {
        foreach (var table in TenantScopedTables)
            migration.Sql($"ALTER POLICY {RowLevelSecurityTables.PolicyName} ON {table} USING ({predicate}) WITH CHECK ({predicate});");
    }

    public static void Revoke(MigrationBuilder migration)
    {
        foreach (var table in ReadWrite.Concat(ReadOnly).Concat(AppendOnly)) migration.Sql($"REVOKE ALL ON {table} FROM {DatabaseRoles.App};");
    }
}
