using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The database's own guarantee of tenant isolation: the application role, which owns nothing,
    /// sees and writes only rows of the tenants named by the transaction's SET LOCAL app.tenant_ids.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseRoles.CreateAppRoleSql);
            migrationBuilder.Sql($"GRANT USAGE ON SCHEMA public TO {DatabaseRoles.App};");
            migrationBuilder.Sql($"GRANT SELECT ON regions, tenants TO {DatabaseRoles.App};");
            foreach (var table in RowLevelSecurityTables.TenantOwned)
            {
                // Audit entries are append-only for the application.
                var privileges = table == "audit_entries" ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
                migrationBuilder.Sql($"GRANT {privileges} ON {table} TO {DatabaseRoles.App};");
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
                migrationBuilder.Sql(
                    $"CREATE POLICY tenant_isolation ON {table} " +
                    $"USING ({RowLevelSecurityTables.Predicate}) WITH CHECK ({RowLevelSecurityTables.Predicate});");
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in RowLevelSecurityTables.TenantOwned)
            {
                migrationBuilder.Sql($"DROP POLICY IF EXISTS tenant_isolation ON {table};");
                migrationBuilder.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"REVOKE ALL ON {table} FROM {DatabaseRoles.App};");
            }
            migrationBuilder.Sql($"REVOKE ALL ON regions, tenants FROM {DatabaseRoles.App};");
        }
    }
}
