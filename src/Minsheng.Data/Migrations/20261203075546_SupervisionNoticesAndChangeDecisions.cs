using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The 督办 loop and change control: supervision notices (numbered per tenant and year; the optimistic-concurrency
    /// token is PostgreSQL's own xmin), append-only change decisions keeping a published plan's earlier versions, and a
    /// project's state with its 销号. The generator puts both tables under row-level security as it creates them.
    /// </summary>
    public partial class SupervisionNoticesAndChangeDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_out_at",
                table: "projects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_out_by",
                table: "projects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closure_note",
                table: "projects",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "projects",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Existing projects, and rows bulk-loaded without the column, are active.
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "change_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    approver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    congress_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: false),
                    after = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_decisions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_change_decisions_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    previous_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    requirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    rectify_by = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    replied_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_notices", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_supervision_notices_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_supervision_notices_supervision_notices_tenant_id_previous_",
                        columns: x => new { x.tenant_id, x.previous_id },
                        principalTable: "supervision_notices",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_decisions_tenant_id_project_id_recorded_at",
                table: "change_decisions",
                columns: new[] { "tenant_id", "project_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_notices_tenant_id_previous_id",
                table: "supervision_notices",
                columns: new[] { "tenant_id", "previous_id" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_notices_tenant_id_project_id_issued_at",
                table: "supervision_notices",
                columns: new[] { "tenant_id", "project_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_notices_tenant_id_year_sequence",
                table: "supervision_notices",
                columns: new[] { "tenant_id", "year", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_decisions");

            migrationBuilder.DropTable(
                name: "supervision_notices");

            migrationBuilder.DropColumn(
                name: "closed_out_at",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "closed_out_by",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "closure_note",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "state",
                table: "projects");
        }
    }
}
