using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Disabling and enabling a tenant (TenantAdministration) runs as the application role, like onboarding. The
    /// grant is a column grant: the app role may change a tenant's status and nothing else of the row (not its
    /// code, name, level or plugins), and still may not delete tenants: a tenant that leaves is disabled, its
    /// data kept. It also lets the service lock the row (SELECT … FOR UPDATE) while it checks the status.
    /// </summary>
    public partial class AppRoleDisablesTenants : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"GRANT UPDATE (status) ON tenants TO {DatabaseRoles.App};");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE UPDATE (status) ON tenants FROM {DatabaseRoles.App};");
        }
    }
}
