using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Identity.Store.Migrations
{
    /// <summary>
    /// The scope policy of the identity tables (users, dashboard clients) as <see cref="AccessGrants.ScopePredicate"/>:
    /// every row when no tenant is named, else the named tenants' rows. The core schema's migration
    /// RowLevelSecurityConvertedOnce, on a database that already had the identity tables, rewrote their policy to the
    /// core tables' (no tenant, no rows), so that signing in and creating the platform's own users (a region analyst,
    /// the platform administrator) failed. This puts the identity form back, converting the setting once per statement.
    /// </summary>
    [DbContext(typeof(AccessDbContext))]
    [Migration("20261203190000_TenantScopeRestored")]
    public partial class TenantScopeRestored : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => AccessGrants.AlterTenantScope(migrationBuilder, AccessGrants.ScopePredicate);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => AccessGrants.AlterTenantScope(migrationBuilder, AccessGrants.ScopePredicatePerRow);
    }
}
