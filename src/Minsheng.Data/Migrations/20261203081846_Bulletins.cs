using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Bulletins: each generated version of a period's 通报, 报告 or 完成情况, with its .docx, HTML and figures, and the
    /// published flag the public page reads. The generator puts the table under row-level security as it creates it.
    /// </summary>
    public partial class Bulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    html = table.Column<string>(type: "text", nullable: false),
                    docx = table.Column<byte[]>(type: "bytea", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    generated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulletins", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_tenant_id_kind_year_period_version",
                table: "bulletins",
                columns: new[] { "tenant_id", "kind", "year", "period", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_tenant_id_year",
                table: "bulletins",
                columns: new[] { "tenant_id", "year" },
                filter: "published");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulletins");
        }
    }
}
