using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Identity.Store;
using Minsheng.Data.Tenancy;
using Minsheng.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// A database made before the core schema's policy rewrite (RowLevelSecurityConvertedOnce), upgraded as a server
/// upgrades it: the core migrations, then the identity store's. The rewrite once took the identity tables' policy too,
/// so that no platform user (region analyst, platform administrator) could be created or found when signing in, and a
/// newcomer's second `dotnet run` stopped at start.
/// </summary>
public sealed class PolicyUpgradeTests
{
    [Fact]
    public async Task An_upgraded_database_still_lets_the_sign_in_server_create_and_find_users_without_a_tenant()
    {
        var server = await PostgresCluster.GetAsync();
        var owner = server.ConnectionString($"upgrade_{Guid.NewGuid():N}"[..30]);
        await DatabaseSetup.CreateDatabaseIfMissingAsync(owner);
        // The schema as it was the day before: the core migrations up to the one before the rewrite, the identity store's first.
        var core = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(core, owner);
        await using (var db = new MinshengDbContext(core.Options))
            await db.GetService<IMigrator>().MigrateAsync("20261125220238_RowLevelSecurityOncePerStatement");
        var access = new DbContextOptionsBuilder<AccessDbContext>();
        AccessDatabase.Configure(access, owner);
        await using (var db = new AccessDbContext(access.Options))
            await db.GetService<IMigrator>().MigrateAsync("20261125182731_IdentityAndTokens");

        await PlatformDatabase.MigrateAsync(owner);

        // As the application role with no tenant named, as the sign-in server and the first-users CLI act.
        await using var connection = new NpgsqlConnection(DatabaseSetup.AppConnectionString(owner) + ";Pooling=false");
        await connection.OpenAsync();
        var id = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO identity_users (id, user_name, normalized_user_name, display_name, is_disabled, created_at, email_confirmed,
                                        phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, region_code)
            VALUES ($1, 'upgrade-analyst', 'UPGRADE-ANALYST', '分析员', false, now(), false, false, false, false, 0, '410000')
            """, connection) { Parameters = { new() { Value = id } } })
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        await using (var find = new NpgsqlCommand("SELECT count(*) FROM identity_users WHERE normalized_user_name = 'UPGRADE-ANALYST'", connection))
            Assert.Equal(1L, await find.ExecuteScalarAsync());

        // And a tenant named still sees only its own users: the analyst (no tenant) is not among them.
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var scope = new NpgsqlCommand($"SELECT set_config('{TenantSetting.Name}', $1, true)", connection, transaction) { Parameters = { new() { Value = Guid.NewGuid().ToString() } } })
            await scope.ExecuteNonQueryAsync();
        await using (var find = new NpgsqlCommand("SELECT count(*) FROM identity_users", connection, transaction))
            Assert.Equal(0L, await find.ExecuteScalarAsync());
    }
}
