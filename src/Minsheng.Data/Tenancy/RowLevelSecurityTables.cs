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
        "plans", "projects", "project_units", "indicators", "milestones", "units", "progress_reports", "audit_entries",
    ];

    /// <summary>
    /// Rows of the tenants in the transaction's setting. An unset setting reads back as '' on a pooled
    /// connection that once had it; nullif turns that into NULL, so "no tenant" means "no rows", not an error.
    /// </summary>
    public const string Predicate =
        $"tenant_id = ANY (string_to_array(nullif(current_setting('{TenantSetting.Name}', true), ''), ',')::uuid[])";
}
