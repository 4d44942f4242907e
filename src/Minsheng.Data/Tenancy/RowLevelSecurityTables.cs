using Microsoft.EntityFrameworkCore.Migrations;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// The statements that put a tenant-owned table under row-level security for the application role. Which
/// tables get them is derived from the model: every table created with a <see cref="TenantColumn"/> column gets
/// them as it is created (<see cref="RowLevelSecurityMigrationsSqlGenerator"/>), so nobody keeps a list.
/// </summary>
public static class RowLevelSecurityTables
{
    /// <summary>The column that makes a table tenant-owned. Shared tables (regions, tenants) have none.</summary>
    public const string TenantColumn = "tenant_id";

    public const string PolicyName = "tenant_isolation";

    /// <summary>
    /// The grants, ENABLE and FORCE, and the policy, for a table name as it goes into SQL. Each statement can run
    /// again (the policy is dropped before it is created): the early migrations enable tables the generator has
    /// already enabled when a database is built from scratch.
    /// </summary>
    public static IEnumerable<string> EnableStatements(string table, bool appendOnly)
    {
        var privileges = appendOnly ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        yield return $"GRANT {privileges} ON {table} TO {DatabaseRoles.App};";
        yield return $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;";
        yield return $"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;";
        yield return $"DROP POLICY IF EXISTS {PolicyName} ON {table};";
        yield return $"CREATE POLICY {PolicyName} ON {table} USING ({Predicate}) WITH CHECK ({Predicate});";
    }

    /// <summary>What the early migrations call for the tables they name; new tables need no call.</summary>
    public static void Enable(MigrationBuilder migration, string table, bool appendOnly = false)
    {
        foreach (var statement in EnableStatements(table, appendOnly)) migration.Sql(statement);
    }

    public static void Disable(MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS {PolicyName} ON {table};");
        migration.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
        migration.Sql($"REVOKE ALL ON {table} FROM {DatabaseRoles.App};");
    }

    /// <summary>
    /// Rows of the tenants in the transaction's setting. An unset setting reads back as '' on a pooled
    /// connection that once had it; nullif turns that into NULL, so "no tenant" means "no rows", not an error.
    /// The setting is parsed and converted to uuid[] in a scalar subquery, which PostgreSQL evaluates once per statement
    /// (an InitPlan). Written inline, the conversion ran again on every rescan of an inner index scan (issue 16's
    /// benchmark: a fifth of the machine on the project page); with only the parsing inside the subquery, the
    /// text[]-to-uuid[] cast still ran for every row a filter looked at — 44 µs a row for a province's 175 tenants
    /// (issue 18's roll-up). The outer CAST to the same type only makes the subquery an expression rather than the
    /// subquery form of ANY; it costs nothing.
    /// </summary>
    public const string Predicate =
        $"tenant_id = ANY (CAST((SELECT string_to_array(nullif(current_setting('{TenantSetting.Name}', true), ''), ',')::uuid[]) AS uuid[]))";

    /// <summary>The form before <see cref="Predicate"/> (migration RowLevelSecurityConvertedOnce): the cast outside the subquery.</summary>
    public const string PredicateCastPerRow =
        $"tenant_id = ANY ((SELECT string_to_array(nullif(current_setting('{TenantSetting.Name}', true), ''), ','))::uuid[])";
}
