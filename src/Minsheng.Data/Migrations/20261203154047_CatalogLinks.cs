using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// catalog_links: which of a tenant's targets count under a higher level's aggregation key (confirmed by a person, or
    /// matched by the tenant's plugins without doubt) — what region roll-ups add up. Under row-level security like every
    /// tenant table.
    /// </summary>
    public partial class CatalogLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    aggregation_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    factor = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    linked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_links", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_catalog_links_indicators_tenant_id_indicator_id",
                        columns: x => new { x.tenant_id, x.indicator_id },
                        principalTable: "indicators",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_catalog_links_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_links_tenant_id_aggregation_key",
                table: "catalog_links",
                columns: new[] { "tenant_id", "aggregation_key" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_links_tenant_id_indicator_id",
                table: "catalog_links",
                columns: new[] { "tenant_id", "indicator_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_links_tenant_id_project_id",
                table: "catalog_links",
                columns: new[] { "tenant_id", "project_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_links");
        }
    }
}
