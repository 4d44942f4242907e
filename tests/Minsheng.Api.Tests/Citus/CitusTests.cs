using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Api.Tests.Identity;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Minsheng.Api.Tests.Citus;

/// <summary>A test that means something only on Citus: run by <c>deploy/citus/verify.sh</c>, reported as skipped elsewhere.</summary>
public sealed class CitusFactAttribute : FactAttribute
{
    public CitusFactAttribute()
    {
        if (!CitusNodes.Enabled) Skip = "Runs on a Citus coordinator and two workers: deploy/citus/verify.sh (MINSHENG_TEST_CITUS=1).";
    }
}

/// <summary>
/// The server in Production on a distributed database holding the demo tenants and national synthetic data (by default
/// the province of Henan and what lies beneath it; MINSHENG_CITUS_NATIONAL_UNDER chooses another region, "all" the country).
/// </summary>
public sealed class CitusNationalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string OwnerConnectionString { get; private set; } = "";
    public NationalDataSummary? National { get; private set; }

    public async Task InitializeAsync()
    {
        if (!CitusNodes.Enabled) return;
        OwnerConnectionString = await PostgresCluster.CreateDemoDatabaseAsync("citus_national");
        var under = Environment.GetEnvironmentVariable("MINSHENG_CITUS_NATIONAL_UNDER") ?? "410000";
        National = await NationalData.LoadAsync(OwnerConnectionString, new NationalDataOptions(Under: under == "all" ? null : under), null, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.AddDemoAccounts();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// Issue 20 §2: the schema as deploy/citus/distribute.sql leaves it, tenant queries routed to one shard, and the roll-ups
/// over national data equal to the same counts by hand. (The tenant-isolation and leak suites run unchanged on Citus too.)
/// </summary>
public sealed class CitusTests(CitusNationalFactory factory, ITestOutputHelper output) : IClassFixture<CitusNationalFactory>
{
    [CitusFact]
    public async Task Tenant_owned_tables_are_distributed_by_tenant_together_and_shared_data_is_on_every_node()
    {
        var owner = factory.OwnerConnectionString;
        // Every table under row-level security with a required tenant_id: hash-distributed by tenant_id, all co-located.
        Assert.Equal(0L, await OwnerQuery.ScalarAsync(owner, """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
              AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull)
              AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND p.partmethod = 'h'
                              AND column_to_column_name(p.logicalrelid, p.partkey) = 'tenant_id')
            """));
        Assert.True((long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM pg_dist_partition WHERE partmethod = 'h'"))! >= 20);
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(owner, "SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'"));
        Assert.Equal(2L, await OwnerQuery.ScalarAsync(owner,
            "SELECT count(*) FROM pg_dist_partition WHERE partmethod = 'n' AND repmodel = 't' AND logicalrelid IN ('regions'::regclass, 'tenants'::regclass)"));
        Assert.True(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'report_actuals'::regclass") is 1L);
        // The foreign keys were put back: a figure for a report that does not exist is refused on Citus as on one server.
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(owner,
            "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_report_actuals_progress_reports_tenant_id_report_id'"));
        // (A single-row insert, as the application writes: routed to its shard, the violation comes back with its own code.)
        var insert = (string)(await OwnerQuery.ScalarAsync(owner, """
            SELECT format('INSERT INTO report_actuals (tenant_id, report_id, indicator_id, value) VALUES (%L, %L, %L, 1)',
                          tenant_id, '00000000-0000-7000-8000-000000000001', id) FROM indicators LIMIT 1
            """))!;
        var refused = await Assert.ThrowsAsync<PostgresException>(() => OwnerQuery.ScalarAsync(owner, insert));
        Assert.True(refused.SqlState == PostgresErrorCodes.ForeignKeyViolation, $"{refused.SqlState}: {refused.MessageText}");
        // Sign-in stays on the coordinator.
        Assert.Equal(0L, await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'identity%' OR logicalrelid::text LIKE 'openiddict%'"));
    }

    [CitusFact]
    public async Task A_tenants_page_goes_to_one_shard_with_the_tenant_predicate_and_to_all_under_row_level_security_alone()
    {
        var tenantId = (Guid)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, "SELECT id FROM tenants WHERE region_code = '411302'"))!;
        const string Page = """
            SELECT p.id, p.name, i.label, i.target_value FROM projects p JOIN indicators i ON i.tenant_id = p.tenant_id AND i.project_id = p.id
            WHERE {0} ORDER BY p.sort_order LIMIT 20
            """;
        var routed = await ExplainAsAppAsync(tenantId, string.Format(Page, $"p.tenant_id = '{tenantId}'"));
        var fannedOut = await ExplainAsAppAsync(tenantId, string.Format(Page, "true"));
        output.WriteLine(routed);

        Assert.Contains("Task Count: 1", routed);
        Assert.Contains("Task Count: 4", fannedOut);
    }

    [CitusFact]
    public async Task The_province_and_national_roll_ups_count_what_the_tables_hold()
    {
        Assert.NotNull(factory.National);
        output.WriteLine($"national data: {factory.National!.TenantsLoaded} tenants loaded, {factory.National.RowsWritten:N0} rows in {factory.National.LoadTime.TotalSeconds:0.0} s");
        var analyst = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("henan-analyst", scope: "openid read")).AccessToken);
        const string Summary = "query($code: String!) { regionSummary(regionCode: $code, year: 2024) { total { tenants projects targets reportsFiled } } }";

        var clock = Stopwatch.StartNew();
        var total = (await analyst.QueryAsync(Summary, new { code = "410000" })).GetProperty("regionSummary").GetProperty("total");
        output.WriteLine($"province roll-up through the API: {clock.ElapsedMilliseconds} ms");

        var scope = "t.status = 'Active' AND t.region_code LIKE '41%' AND pl.year = 2024 AND pl.status = 'Published'";
        var projects = "projects p JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id JOIN tenants t ON t.id = p.tenant_id";
        Assert.Equal((long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, "SELECT count(*) FROM tenants t WHERE t.status = 'Active' AND t.region_code LIKE '41%'"))!,
            total.GetProperty("tenants").GetInt64());
        Assert.Equal((long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"SELECT count(*) FROM {projects} WHERE {scope} AND p.parent_id IS NULL"))!,
            total.GetProperty("projects").GetInt64());
        Assert.Equal((long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
                $"SELECT count(*) FROM indicators i JOIN {projects} ON p.tenant_id = i.tenant_id AND p.id = i.project_id WHERE {scope}"))!,
            total.GetProperty("targets").GetInt64());
        if (Environment.GetEnvironmentVariable("MINSHENG_CITUS_NATIONAL_UNDER") is null or "410000" or "all")
            Assert.True(total.GetProperty("projects").GetInt64() > 3000, "Henan's national data has thousands of projects");
    }

    /// <summary>
    /// Row-level security alone, on the shards: every tenant-owned table read as the application role without the
    /// application's tenant predicate (so Citus asks every shard) shows only the tenant set with SET LOCAL, nothing when
    /// none is set, and a row written for another tenant is refused. (The leak suite with the application's filter switched
    /// off is not run on Citus: without the tenant predicate some of the server's joins are not plannable across shards,
    /// and fail with an error — which leaks nothing, but is not a usable configuration there.)
    /// </summary>
    [CitusFact]
    public async Task Row_level_security_holds_on_every_shard_without_the_tenant_predicate()
    {
        var owner = factory.OwnerConnectionString;
        var tenants = new List<Guid>();
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var list = new NpgsqlCommand("SELECT id FROM tenants WHERE region_code IN ('411302', '411303') ORDER BY region_code", connection);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tenants.Add(reader.GetGuid(0));
        }
        var tables = new List<string>();
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var list = new NpgsqlCommand("SELECT logicalrelid::text FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY 1", connection);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var everything = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}' AS t, tenant_id FROM {t}"));

        await using var app = new NpgsqlConnection(DatabaseSetup.AppConnectionString(owner) + ";Pooling=false");
        await app.OpenAsync();
        async Task<List<(string Table, Guid Tenant)>> ReadAsync(Guid? tenant)
        {
            await using var transaction = await app.BeginTransactionAsync();
            if (tenant is { } id) await new NpgsqlCommand(TenantSetting.SetLocalStatement(id), app, transaction).ExecuteNonQueryAsync();
            var rows = new List<(string, Guid)>();
            await using (var read = new NpgsqlCommand($"SELECT t, tenant_id FROM ({everything}) x", app, transaction))
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetGuid(1)));
            await transaction.RollbackAsync();
            return rows;
        }

        var first = await ReadAsync(tenants[0]);
        var none = await ReadAsync(null);

        Assert.Contains(first, r => r.Table == "projects");
        Assert.All(first, r => Assert.Equal(tenants[0], r.Tenant));
        Assert.Empty(none);
        await using var write = await app.BeginTransactionAsync();
        await new NpgsqlCommand(TenantSetting.SetLocalStatement(tenants[0]), app, write).ExecuteNonQueryAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(
            $"INSERT INTO units (id, tenant_id, name, aliases) VALUES ('00000000-0000-7000-8000-000000000002', '{tenants[1]}', '越权单位', '{{}}')", app, write).ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    /// <summary>EXPLAIN as the application role, tenant set with SET LOCAL as the server sets it.</summary>
    private async Task<string> ExplainAsAppAsync(Guid tenantId, string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseSetup.AppConnectionString(factory.OwnerConnectionString) + ";Pooling=false");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(tenantId), connection, transaction)) await set.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection, transaction);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
