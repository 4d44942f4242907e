using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// Onboarding a county (TenantAdministration) runs as the application role, so that the CLI with an
    /// app-role connection and a later admin mutation of the server can do it without the owner's password.
    /// The grant is narrow: insert only (no update or delete of tenants), and the foreign key to the shipped
    /// regions limits new tenants to real divisions. Who may call it is the identity layer's decision.
    /// </summary>
    public partial class AppRoleAddsTenants : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"GRANT INSERT ON tenants TO {DatabaseRoles.App};");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE INSERT ON tenants FROM {DatabaseRoles.App};");
        }
    }
}
