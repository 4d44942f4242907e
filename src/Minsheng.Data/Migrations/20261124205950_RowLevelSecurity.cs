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
        // The tables this migration found; later tables get the same as they are created (the migrations SQL
        // generator). Frozen: they describe the schema as it was.
        private static readonly string[] Tables =
            ["plans", "projects", "project_units", "indicators", "milestones", "units", "progress_reports", "audit_entries"];

        // Of those, the ones the application may only read and append to.
        private static readonly string[] AppendOnlyTables = ["audit_entries"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DatabaseRoles.CreateAppRoleSql);
            migrationBuilder.Sql($"GRANT USAGE ON SCHEMA public TO {DatabaseRoles.App};");
            migrationBuilder.Sql($"GRANT SELECT ON regions, tenants TO {DatabaseRoles.App};");
            foreach (var table in Tables) RowLevelSecurityTables.Enable(migrationBuilder, table, appendOnly: AppendOnlyTables.Contains(table));
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables) RowLevelSecurityTables.Disable(migrationBuilder, table);
            migrationBuilder.Sql($"REVOKE ALL ON regions, tenants FROM {DatabaseRoles.App};");
        }
    }
}
