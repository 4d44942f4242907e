using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Indexes on the keys rows are looked up by (a project or report by id, a project's units, targets and month report,
    /// a report's figures) without the tenant in front: see <see cref="Tenancy.KeyLookupIndex"/>.
    /// </summary>
    public partial class KeyLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_report_actuals_report_id",
                table: "report_actuals",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_id",
                table: "projects",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_project_units_project_id",
                table: "project_units",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_id",
                table: "progress_reports",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_project_id_period",
                table: "progress_reports",
                columns: new[] { "project_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_project_id",
                table: "indicators",
                column: "project_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_report_actuals_report_id",
                table: "report_actuals");

            migrationBuilder.DropIndex(
                name: "ix_projects_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_project_units_project_id",
                table: "project_units");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_id",
                table: "progress_reports");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_project_id_period",
                table: "progress_reports");

            migrationBuilder.DropIndex(
                name: "ix_indicators_project_id",
                table: "indicators");
        }
    }
}
