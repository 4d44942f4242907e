using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The tenant policy of every core table rewritten so that PostgreSQL parses the tenant setting once per statement
    /// (<see cref="RowLevelSecurityTables.Predicate"/>); the rows it admits are the same. Tables created later get the
    /// new form from the migrations generator.
    /// </summary>
    public partial class RowLevelSecurityOncePerStatement : Migration
    {
        private static readonly string[] Tables =
        [
            "plans", "projects", "project_units", "units", "indicators", "milestones", "progress_reports", "report_actuals", "audit_entries",
        ];

        // The form before this migration: the setting's conversion was evaluated per row or rescan.
        private const string InlinePredicate =
            $"tenant_id = ANY (string_to_array(nullif(current_setting('{TenantSetting.Name}', true), ''), ',')::uuid[])";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables) Alter(migrationBuilder, table, RowLevelSecurityTables.PredicateCastPerRow);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables) Alter(migrationBuilder, table, InlinePredicate);
        }

        private static void Alter(MigrationBuilder migration, string table, string predicate) =>
            migration.Sql($"ALTER POLICY {RowLevelSecurityTables.PolicyName} ON {table} USING ({predicate}) WITH CHECK ({predicate});");
    }
}
