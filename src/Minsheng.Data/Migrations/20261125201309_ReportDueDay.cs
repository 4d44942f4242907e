using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The day of the following month by which a month's report is due, per tenant (default the 5th). The tenant's
    /// administrator sets it as the application role: a column grant for that column only, like status.
    /// </summary>
    public partial class ReportDueDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "report_due_day",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.Sql($"GRANT UPDATE (report_due_day) ON tenants TO {Minsheng.Data.Tenancy.DatabaseRoles.App};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE UPDATE (report_due_day) ON tenants FROM {Minsheng.Data.Tenancy.DatabaseRoles.App};");
            migrationBuilder.DropColumn(
                name: "report_due_day",
                table: "tenants");
        }
    }
}
