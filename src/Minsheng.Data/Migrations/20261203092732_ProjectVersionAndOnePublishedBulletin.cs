using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Projects get optimistic concurrency (PostgreSQL's own xmin: nothing to add), and at most one version of a
    /// bulletin period can be published, whatever two people do at once.
    /// </summary>
    public partial class ProjectVersionAndOnePublishedBulletin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bulletins_tenant_id_year",
                table: "bulletins");

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_one_published_per_period",
                table: "bulletins",
                columns: new[] { "tenant_id", "kind", "year", "period" },
                unique: true,
                filter: "published");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bulletins_one_published_per_period",
                table: "bulletins");

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_tenant_id_year",
                table: "bulletins",
                columns: new[] { "tenant_id", "year" },
                filter: "published");
        }
    }
}
