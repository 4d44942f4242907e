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
