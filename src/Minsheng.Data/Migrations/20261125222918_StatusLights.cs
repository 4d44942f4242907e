using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Status and lights: a tenant's own thresholds (null: the defaults), and the append-only history of each project's
    /// light. The generator puts project_lights under row-level security as it creates it.
    /// </summary>
    public partial class StatusLights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status_thresholds",
                table: "tenants",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "project_lights",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_for = table.Column<DateOnly>(type: "date", nullable: false),
                    light = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    escalated = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_lights", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_project_lights_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_lights_tenant_id_project_id_recorded_for",
                table: "project_lights",
                columns: new[] { "tenant_id", "project_id", "recorded_for" });

            migrationBuilder.Sql($"GRANT UPDATE (status_thresholds) ON tenants TO {Minsheng.Data.Tenancy.DatabaseRoles.App};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE UPDATE (status_thresholds) ON tenants FROM {Minsheng.Data.Tenancy.DatabaseRoles.App};");
            migrationBuilder.DropTable(
                name: "project_lights");

            migrationBuilder.DropColumn(
                name: "status_thresholds",
                table: "tenants");
        }
    }
}
