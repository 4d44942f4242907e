using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Tenancy;
using Minsheng.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_build_an_empty_database_that_matches_the_model()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("migrate");
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        await using var db = new MinshengDbContext(options.Options, new TenantContextHolder());

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration.");
        // Running them again is a no-op.
        await DatabaseSetup.MigrateAsync(owner);
    }

    [Fact]
    public async Task Every_tenant_owned_table_forces_row_level_security_with_tenant_id_in_every_key()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("rls");
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        await using var db = new MinshengDbContext(options.Options, new TenantContextHolder());
        var tenantTables = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.GetTableName()!)
            .OrderBy(t => t)
            .ToList();

        Assert.Equal(RowLevelSecurityTables.TenantOwned.OrderBy(t => t), tenantTables);

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        foreach (var table in tenantTables)
        {
            await using var rls = new NpgsqlCommand("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = $1", connection)
            { Parameters = { new() { Value = table } } };
            await using (var reader = await rls.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                Assert.True(reader.GetBoolean(0), $"{table}: row-level security is not enabled");
                Assert.True(reader.GetBoolean(1), $"{table}: row-level security is not forced");
            }

            // Primary key, unique indexes and foreign keys all lead with tenant_id (what Citus distributes by).
            await using var keys = new NpgsqlCommand("""
                SELECT c.conname, a.attname FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u', 'f') AND c.confrelid NOT IN ('tenants'::regclass)
                """, connection) { Parameters = { new() { Value = table } } };
            await using (var keyReader = await keys.ExecuteReaderAsync())
            {
                while (await keyReader.ReadAsync())
                    Assert.True(keyReader.GetString(1) == "tenant_id", $"{table}.{keyReader.GetString(0)} does not start with tenant_id");
            }

            // Unique indexes created as indexes, not constraints, must lead with tenant_id too.
            await using var unique = new NpgsqlCommand(
                "SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid " +
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] " +
                "WHERE i.indrelid = $1::regclass AND i.indisunique", connection) { Parameters = { new() { Value = table } } };
            await using var uniqueReader = await unique.ExecuteReaderAsync();
            var uniqueIndexes = 0;
            while (await uniqueReader.ReadAsync())
            {
                uniqueIndexes++;
                Assert.True(uniqueReader.GetString(1) == "tenant_id", $"{table}: unique index {uniqueReader.GetString(0)} does not start with tenant_id");
            }
            Assert.True(uniqueIndexes > 0, $"{table} has no unique index at all");
        }
    }

    [Fact]
    public async Task The_application_role_owns_nothing_and_cannot_bypass_row_level_security()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("roles");
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_tables t WHERE t.tableowner = r.rolname)
            FROM pg_roles r WHERE r.rolname = $1
            """, connection) { Parameters = { new() { Value = DatabaseRoles.App } } };
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0L, reader.GetInt64(2));
    }
}
