using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Two recordings of one day at once (the daily round and the office's button) computed the same records and both
    /// appended them. The same record twice for a project and day is now one: copies already there are removed (the
    /// earliest kept; they say nothing the first does not), then a unique index turns any later copy into nothing.
    /// </summary>
    public partial class OneLightRecordPerDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM project_lights l USING project_lights k
                WHERE k.tenant_id = l.tenant_id AND k.project_id = l.project_id AND k.recorded_for = l.recorded_for
                  AND k.light = l.light AND k.since = l.since AND k.escalated = l.escalated
                  AND (k.recorded_at, k.id) < (l.recorded_at, l.id);
                """);
            migrationBuilder.CreateIndex(
                name: "ux_project_lights_one_record",
                table: "project_lights",
                columns: new[] { "tenant_id", "project_id", "recorded_for", "light", "since", "escalated" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_project_lights_one_record",
                table: "project_lights");
        }
    }
}
