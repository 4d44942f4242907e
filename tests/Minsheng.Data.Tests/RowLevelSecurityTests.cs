using Minsheng.Data.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>
/// Isolation in the database itself: as the application role, with no application filter at all (raw SQL,
/// no tenant predicate), another tenant's rows are invisible and cannot be written.
/// </summary>
public sealed class RowLevelSecurityTests : IAsyncLifetime
{
    private string _owner = "";
    private Application.Demo.DemoTenantData _a = null!;
    private Application.Demo.DemoTenantData _b = null!;
    private NpgsqlDataSource _app = null!;

    public async Task InitializeAsync()
    {
        _owner = await PostgresCluster.CreateMigratedDatabaseAsync("rlsdata");
        _a = await TestTenants.CreateAsync(_owner, projects: 4);
        _b = await TestTenants.CreateAsync(_owner, projects: 6);
        // A single pooled connection: every test below reuses the connection another tenant used before.
        _app = NpgsqlDataSource.Create(DatabaseSetup.AppConnectionString(_owner) + ";Maximum Pool Size=1");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> CountAsTenantAsync(Guid? tenant, string table)
    {
        await using var connection = await _app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (tenant is { } t)
        {
            await using var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(t), connection, transaction);
            await set.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection, transaction);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("projects")]
    [InlineData("indicators")]
    [InlineData("milestones")]
    [InlineData("units")]
    [InlineData("project_units")]
    [InlineData("progress_reports")]
    [InlineData("plans")]
    [InlineData("report_actuals")]
    public async Task Without_the_filter_a_tenant_still_sees_only_its_rows(string table)
    {
        var asA = await CountAsTenantAsync(_a.Tenant.Id, table);
        var asB = await CountAsTenantAsync(_b.Tenant.Id, table);
        var none = await CountAsTenantAsync(null, table);

        await using var owner = new NpgsqlConnection(_owner);
        await owner.OpenAsync();
        await using var actual = new NpgsqlCommand($"SELECT count(*) FILTER (WHERE tenant_id = $1), count(*) FILTER (WHERE tenant_id = $2) FROM {table}", owner)
        { Parameters = { new() { Value = _a.Tenant.Id }, new() { Value = _b.Tenant.Id } } };
        await using var reader = await actual.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) > 0, "the test tenant should have rows in " + table);
        Assert.Equal(reader.GetInt64(0), asA);
        Assert.Equal(reader.GetInt64(1), asB);
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task A_pooled_connection_carries_no_tenant_into_the_next_transaction()
    {
        Assert.True(await CountAsTenantAsync(_a.Tenant.Id, "projects") > 0);

        // Same single pooled connection, no SET LOCAL: the setting reads back as '' and must mean "no rows".
        await using var connection = await _app.OpenConnectionAsync();
        await using var outside = new NpgsqlCommand("SELECT count(*) FROM projects", connection);
        Assert.Equal(0L, await outside.ExecuteScalarAsync());
        await using var setting = new NpgsqlCommand($"SELECT coalesce(current_setting('{TenantSetting.Name}', true), '<unset>')", connection);
        Assert.Contains(await setting.ExecuteScalarAsync() as string, new[] { "", "<unset>" });
    }

    [Fact]
    public async Task Writing_a_row_for_another_tenant_is_refused_by_the_database()
    {
        await using var connection = await _app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(_a.Tenant.Id), connection, transaction))
            await set.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO units (id, tenant_id, name, aliases) VALUES ($1, $2, '越权单位', '{}')", connection, transaction)
        { Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = _b.Tenant.Id } } };

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("row-level security", error.MessageText);
    }

    [Fact]
    public async Task Updating_or_deleting_another_tenants_rows_touches_nothing()
    {
        await using var connection = await _app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(_a.Tenant.Id), connection, transaction))
            await set.ExecuteNonQueryAsync();
        await using var update = new NpgsqlCommand("UPDATE projects SET name = 'x' WHERE tenant_id = $1", connection, transaction)
        { Parameters = { new() { Value = _b.Tenant.Id } } };
        await using var delete = new NpgsqlCommand("DELETE FROM indicators WHERE tenant_id = $1", connection, transaction)
        { Parameters = { new() { Value = _b.Tenant.Id } } };

        Assert.Equal(0, await update.ExecuteNonQueryAsync());
        Assert.Equal(0, await delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Every_tenant_policy_parses_the_tenant_setting_once_per_statement()
    {
        // Core tables with a tenant column (the identity tables have their own, wider policy).
        await using var owner = new NpgsqlConnection(_owner);
        await owner.OpenAsync();
        await using var policies = new NpgsqlCommand("""
            SELECT c.table_name, p.qual FROM information_schema.columns c
            LEFT JOIN pg_policies p ON p.tablename = c.table_name AND p.policyname = 'tenant_isolation'
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND c.table_name NOT IN ('identity_users', 'dashboard_clients')
            """, owner);
        var found = new List<string>();
        await using (var reader = await policies.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
                Assert.False(reader.IsDBNull(1), $"{reader.GetString(0)} has no tenant policy");
                // The subquery is what makes it an InitPlan (inline, the conversion ran on every index rescan), and the
                // conversion to uuid[] is inside it (outside, it ran for every row a filter looked at).
                Assert.Contains("SELECT (string_to_array(", reader.GetString(1));
                Assert.Contains("))::uuid[] AS string_to_array)", reader.GetString(1));
            }
        Assert.Contains("report_actuals", found);

        // And the plan shows it: an inner index scan rescanned per outer row compares with the InitPlan's value.
        await using var connection = await _app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(_a.Tenant.Id), connection, transaction)) await set.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("""
            EXPLAIN (COSTS OFF) SELECT r.* FROM projects p CROSS JOIN LATERAL (
              SELECT * FROM progress_reports x WHERE x.project_id = p.id ORDER BY x.period DESC LIMIT 1) r
            """, connection, transaction);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("InitPlan"));
        Assert.DoesNotContain(plan, line => line.Contains("current_setting") && !line.Contains("Result"));

        // A filter compares with the InitPlan's uuid[] itself, not with a conversion of it done row by row.
        await using var scan = new NpgsqlCommand("EXPLAIN (COSTS OFF) SELECT * FROM report_actuals WHERE value > 0", connection, transaction);
        var scanPlan = new List<string>();
        await using (var reader = await scan.ExecuteReaderAsync())
            while (await reader.ReadAsync()) scanPlan.Add(reader.GetString(0));
        Assert.Contains(scanPlan, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"tenant_id = ANY \(\$\d+\)"));
        Assert.DoesNotContain(scanPlan, line => line.Contains("::uuid[]") && !line.Contains("Result"));
    }

    [Fact]
    public void The_tenant_setting_only_ever_inlines_a_parsed_uuid()
    {
        var statement = TenantSetting.SetLocalStatement(Guid.Parse("0195b2d4-8f00-7000-8000-000000000001"));

        Assert.Equal("SET LOCAL app.tenant_ids = '0195b2d4-8f00-7000-8000-000000000001'", statement);
        Assert.Throws<ArgumentException>(() => TenantSetting.SetLocalStatement([]));
    }
}
