using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Tenancy;
using Minsheng.Identity.Store;
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
        await using var db = new MinshengDbContext(options.Options);

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
        await using var db = new MinshengDbContext(options.Options);
        var tenantTables = TenantOwnedTables(db);
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();

        // The model and the database agree on what is tenant-owned: the entities implementing ITenantOwned are
        // exactly the tables with a tenant_id column (what the migrations SQL generator goes by).
        // The identity tables of users and dashboard clients have a tenant_id too, but belong to the identity model
        // (they are platform tables that sign-in reads before any tenant is known); IdentityTablesTests covers them.
        Assert.NotEmpty(tenantTables);
        Assert.Equal(tenantTables, (await TablesWithTenantIdAsync(connection)).Except(AccessGrants.TenantScopedTables));

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
    public async Task Every_table_with_a_tenant_id_is_forced_under_the_tenant_policy_with_the_privileges_the_model_gives()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("rlsall");
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        await using var db = new MinshengDbContext(options.Options);
        var model = db.GetService<IDesignTimeModel>().Model;
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();

        var tables = await TablesWithTenantIdAsync(connection);

        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $2),
                       (SELECT pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $2),
                       has_table_privilege($3, c.oid, 'SELECT'), has_table_privilege($3, c.oid, 'INSERT'),
                       has_table_privilege($3, c.oid, 'UPDATE'), has_table_privilege($3, c.oid, 'DELETE')
                FROM pg_class c WHERE c.oid = $1::regclass
                """, connection)
            { Parameters = { new() { Value = table }, new() { Value = RowLevelSecurityTables.PolicyName }, new() { Value = DatabaseRoles.App } } };
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0), $"{table}: row-level security is not enabled");
            Assert.True(reader.GetBoolean(1), $"{table}: row-level security is not forced");
            Assert.False(reader.IsDBNull(2), $"{table}: no {RowLevelSecurityTables.PolicyName} policy");
            Assert.Contains(TenantSetting.Name, reader.GetString(2));
            Assert.Contains(TenantSetting.Name, reader.GetString(3));
            Assert.True(reader.GetBoolean(4) && reader.GetBoolean(5), $"{table}: the application cannot read or add rows");
            var appendOnly = model.IsAppendOnlyTable(table, null);
            Assert.True(reader.GetBoolean(6) != appendOnly, $"{table}: UPDATE granted = {reader.GetBoolean(6)}, append-only = {appendOnly}");
            Assert.True(reader.GetBoolean(7) != appendOnly, $"{table}: DELETE granted = {reader.GetBoolean(7)}, append-only = {appendOnly}");
        }
        // The audit trail is the append-only table today; the model says so, not a name in the code under test.
        Assert.True(model.IsAppendOnlyTable("audit_entries", null));
    }

    [Fact]
    public async Task A_new_table_with_a_tenant_id_created_by_a_migration_is_isolated_without_being_listed_anywhere()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("rlsnew");
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, owner);
        await using var db = new MinshengDbContext(options.Options);
        var create = new CreateTableOperation
        {
            Name = "probe_notes",
            Columns =
            {
                new AddColumnOperation { Name = "tenant_id", Table = "probe_notes", ClrType = typeof(Guid), ColumnType = "uuid" },
                new AddColumnOperation { Name = "id", Table = "probe_notes", ClrType = typeof(Guid), ColumnType = "uuid" },
                new AddColumnOperation { Name = "text", Table = "probe_notes", ClrType = typeof(string), ColumnType = "text" },
            },
            PrimaryKey = new AddPrimaryKeyOperation { Name = "pk_probe_notes", Table = "probe_notes", Columns = ["tenant_id", "id"] },
        };

        // Exactly what a migration does with its operations: the context's SQL generator, then the migration executor.
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate([create]);
        await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, db.GetService<IRelationalConnection>());

        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var app = NpgsqlDataSource.Create(DatabaseSetup.AppConnectionString(owner));
        await AsTenantAsync(app, a, "INSERT INTO probe_notes (tenant_id, id, text) VALUES ($1, $2, 'a1'), ($1, $3, 'a2')", a, Guid.CreateVersion7(), Guid.CreateVersion7());
        await AsTenantAsync(app, b, "INSERT INTO probe_notes (tenant_id, id, text) VALUES ($1, $2, 'b1')", b, Guid.CreateVersion7());

        Assert.Equal(2L, await AsTenantAsync(app, a, "SELECT count(*) FROM probe_notes"));
        Assert.Equal(1L, await AsTenantAsync(app, b, "SELECT count(*) FROM probe_notes"));
        Assert.Equal(0L, await AsTenantAsync(app, null, "SELECT count(*) FROM probe_notes"));
        Assert.Equal(0, await AsTenantAsync(app, a, "UPDATE probe_notes SET text = 'x' WHERE tenant_id = $1", b));
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            AsTenantAsync(app, a, "INSERT INTO probe_notes (tenant_id, id, text) VALUES ($1, $2, 'forged')", b, Guid.CreateVersion7()));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var forced = new NpgsqlCommand("SELECT relforcerowsecurity FROM pg_class WHERE oid = 'probe_notes'::regclass", connection);
        Assert.Equal(true, await forced.ExecuteScalarAsync());
        Assert.Contains("probe_notes", await TablesWithTenantIdAsync(connection));
    }

    [Fact]
    public void The_generator_grants_an_append_only_entitys_table_select_and_insert_only()
    {
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, "Host=localhost;Database=model_only");
        using var db = new MinshengDbContext(options.Options);
        string Grant(string table) => db.GetService<IMigrationsSqlGenerator>()
            .Generate([new CreateTableOperation { Name = table, Columns = { new AddColumnOperation { Name = "tenant_id", Table = table, ClrType = typeof(Guid), ColumnType = "uuid" } } }])
            .Select(c => c.CommandText).Single(sql => sql.StartsWith("GRANT", StringComparison.Ordinal)).Trim();

        Assert.Equal($"GRANT SELECT, INSERT ON audit_entries TO {DatabaseRoles.App};", Grant("audit_entries"));
        Assert.Equal($"GRANT SELECT, INSERT, UPDATE, DELETE ON probe_notes TO {DatabaseRoles.App};", Grant("probe_notes"));
    }

    private static List<string> TenantOwnedTables(MinshengDbContext db) => db.Model.GetEntityTypes()
        .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
        .Select(e => e.GetTableName()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every ordinary table of the public schema that has a tenant_id column.</summary>
    private static async Task<List<string>> TablesWithTenantIdAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '{RowLevelSecurityTables.TenantColumn}' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One statement as the application role, in a transaction acting for <paramref name="tenant"/> (or none).</summary>
    private static async Task<object?> AsTenantAsync(NpgsqlDataSource app, Guid? tenant, string sql, params object[] parameters)
    {
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (tenant is { } t)
        {
            await using var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(t), connection, transaction);
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        var result = sql.StartsWith("SELECT", StringComparison.Ordinal) ? await command.ExecuteScalarAsync() : await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return result;
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
