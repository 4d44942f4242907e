using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// A tenant administrator sets which plugins the tenant runs: the application role may change that one column of
    /// tenants (as it may the due day and the status thresholds), and the application changes only the current tenant's.
    /// </summary>
    public partial class TenantPluginsGrant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"GRANT UPDATE (enabled_plugins) ON tenants TO {Minsheng.Data.Tenancy.DatabaseRoles.App};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE UPDATE (enabled_plugins) ON tenants FROM {Minsheng.Data.Tenancy.DatabaseRoles.App};");
        }
    }
}
