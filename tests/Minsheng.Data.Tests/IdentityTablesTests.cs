using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Identity.Store;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>
/// Issue #16: the identity tables as the application role sees them. Users and dashboard clients are under row-level
/// security that narrows to a tenant whenever the transaction names one (every tenant administrator's work does),
/// while sign-in, which knows no tenant yet, finds any user by name.
/// </summary>
public sealed class IdentityTablesTests
{
    [Fact]
    public async Task A_transaction_for_one_tenant_sees_only_its_users_and_clients_and_cannot_write_another_tenants()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("idrls");
        Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7();
        await using (var setup = new NpgsqlConnection(owner))
        {
            await setup.OpenAsync();
            await using var insert = new NpgsqlCommand($$"""
                INSERT INTO tenants (id, region_code, name, level, status, enabled_plugins) VALUES ('{{a}}', '411302', '宛城区', 'County', 'Active', '{}'), ('{{b}}', '411303', '卧龙区', 'County', 'Active', '{}');
                INSERT INTO identity_users (id, tenant_id, user_name, normalized_user_name, display_name, is_disabled, created_at, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ('{{Guid.CreateVersion7()}}', '{{a}}', 'a-admin', 'A-ADMIN', 'A', false, now(), false, false, false, true, 0),
                       ('{{Guid.CreateVersion7()}}', '{{b}}', 'b-admin', 'B-ADMIN', 'B', false, now(), false, false, false, true, 0);
                INSERT INTO dashboard_clients (id, client_id, name, tenant_id, allowed_origins, trusted_documents, trusted_documents_only, created_by, created_at)
                VALUES ('{{Guid.CreateVersion7()}}', 'dash-a', 'A', '{{a}}', '{}', '{}', false, 't', now()), ('{{Guid.CreateVersion7()}}', 'dash-b', 'B', '{{b}}', '{}', '{}', false, 't', now());
                """, setup);
            await insert.ExecuteNonQueryAsync();
        }

        await using var app = new NpgsqlConnection(DatabaseSetup.AppConnectionString(owner) + ";Pooling=false");
        await app.OpenAsync();
        async Task<long> CountAsync(string sql, Guid? tenant)
        {
            await using var transaction = await app.BeginTransactionAsync();
            if (tenant is { } t) await new NpgsqlCommand(TenantSetting.SetLocalStatement(t), app, transaction).ExecuteNonQueryAsync();
            var count = (long)(await new NpgsqlCommand(sql, app, transaction).ExecuteScalarAsync())!;
            await transaction.RollbackAsync();
            return count;
        }

        // Sign-in: no tenant yet, every user can be found by name.
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM identity_users", null));
        // A tenant's administration: the other tenant's rows do not exist, even asked for by id.
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM identity_users", a));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM identity_users WHERE tenant_id = '{b}'", a));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM dashboard_clients WHERE tenant_id = '{b}'", a));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM dashboard_clients", b));

        await using (var transaction = await app.BeginTransactionAsync())
        {
            await new NpgsqlCommand(TenantSetting.SetLocalStatement(a), app, transaction).ExecuteNonQueryAsync();
            var updated = await new NpgsqlCommand("UPDATE identity_users SET display_name = 'x' WHERE user_name = 'b-admin'", app, transaction).ExecuteNonQueryAsync();
            var moved = await Assert.ThrowsAsync<PostgresException>(() =>
                new NpgsqlCommand($"UPDATE identity_users SET tenant_id = '{b}' WHERE user_name = 'a-admin'", app, transaction).ExecuteNonQueryAsync());
            Assert.Equal(0, updated);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
        }
        Assert.Contains("identity_users", AccessGrants.TenantScopedTables);
    }
}
