using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Reference;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Loads the shipped GB/T 2260 division list (Reference/regions.tsv, as of 2024-12-31) into the shared
    /// regions table, so that any county can be onboarded as a tenant. A later list ships with a later
    /// migration that upserts again.
    /// </summary>
    public partial class ShippedRegions : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RegionReferenceData.UpsertSql());
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Reference rows stay: tenants refer to them, and the demo data relies on some.
        }
    }
}
