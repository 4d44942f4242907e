using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportActuals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_actuals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_actuals", x => new { x.tenant_id, x.report_id, x.indicator_id });
                    table.ForeignKey(
                        name: "fk_report_actuals_indicators_tenant_id_indicator_id",
                        columns: x => new { x.tenant_id, x.indicator_id },
                        principalTable: "indicators",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_report_actuals_progress_reports_tenant_id_report_id",
                        columns: x => new { x.tenant_id, x.report_id },
                        principalTable: "progress_reports",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_actuals_tenant_id_indicator_id",
                table: "report_actuals",
                columns: new[] { "tenant_id", "indicator_id" });

            RowLevelSecurityTables.Enable(migrationBuilder, "report_actuals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurityTables.Disable(migrationBuilder, "report_actuals");
            migrationBuilder.DropTable(
                name: "report_actuals");
        }
    }
}
