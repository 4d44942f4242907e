using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data.Tenancy;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The readiness check (/health/ready) compares the applied migrations with the ones the server was built
    /// with, connected as the application role; reading the history is all it needs, and it reveals nothing.
    /// </summary>
    public partial class AppRoleReadsMigrationHistory : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"GRANT SELECT ON {DatabaseSetup.MigrationsHistoryTable} TO {DatabaseRoles.App};");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"REVOKE SELECT ON {DatabaseSetup.MigrationsHistoryTable} FROM {DatabaseRoles.App};");
        }
    }
}
