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
        // Identity columns (claims, Data Protection keys) draw from sequences.
        migration.Sql($"GRANT USAGE, SELECT ON SEQUENCE identity_user_claims_id_seq, identity_role_claims_id_seq, data_protection_keys_id_seq TO {DatabaseRoles.App};");
    }

    public static void Revoke(MigrationBuilder migration)
    {
        foreach (var table in ReadWrite.Concat(ReadOnly).Concat(AppendOnly)) migration.Sql($"REVOKE ALL ON {table} FROM {DatabaseRoles.App};");
    }
}
