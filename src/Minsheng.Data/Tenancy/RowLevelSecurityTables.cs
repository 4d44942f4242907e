using Microsoft.EntityFrameworkCore.Migrations;

namespace Minsheng.Data.Tenancy;

/// <summary>The database roles. Migrations run as the owner; the application connects as <see cref="App"/>.</summary>
public static class DatabaseRoles
{
    /// <summary>Not the owner of any table, NOBYPASSRLS: row-level security always applies to it.</summary>
    public const string App = "minsheng_app";

    public const string CreateAppRoleSql = $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{App}') THEN
                CREATE ROLE {App} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
            END IF;
        EXCEPTION
            -- Roles are cluster-wide: two databases migrating at once may both try to create it.
            WHEN duplicate_object OR unique_violation THEN NULL;
        END
        $$;
        """;
}

public static class RowLevelSecurityTables
{
    /// <summary>Every tenant-owned table. A test checks this list against the model, so a new table cannot be forgotten.</summary>
    public static readonly IReadOnlyList<string> TenantOwned =
    [
        "plans", "projects", "project_units", "indicators", "milestones", "units", "progress_reports", "report_actuals", "audit_entries",
    ];

    /// <summary>Grants the application role its privileges on a tenant-owned table and puts it under the policy.</summary>
    public static void Enable(MigrationBuilder migration, string table)
    {
        // Audit entries are append-only for the application.
        var privileges = table == "audit_entries" ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        migration.Sql($"GRANT {privileges} ON {table} TO {DatabaseRoles.App};");
        migration.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migration.Sql($"CREATE POLICY tenant_isolation ON {table} USING ({Predicate}) WITH CHECK ({Predicate});");
    }

    public static void Disable(MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS tenant_isolation ON {table};");
        migration.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
        migration.Sql($"REVOKE ALL ON {table} FROM {DatabaseRoles.App};");
    }

    /// <summary>
    /// Rows of the tenants in the transaction's setting. An unset setting reads back as '' on a pooled
    /// connection that once had it; nullif turns that into NULL, so "no tenant" means "no rows", not an error.
    /// </summary>
    public const string Predicate =
        $"tenant_id = ANY (string_to_array(nullif(current_setting('{TenantSetting.Name}', true), ''), ',')::uuid[])";
}
