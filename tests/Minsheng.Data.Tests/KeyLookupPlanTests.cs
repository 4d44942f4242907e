using System.Text.Json;
using Minsheng.Data.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>
/// A row looked up by its key, as the application asks for it (its own tenant filter, and the tenant policy beside it),
/// is read by that key, not found by reading the tenant's rows one by one. Under the policy the planner multiplies the
/// two tenant conditions as if independent and estimates every index that starts with the tenant at one row, so it
/// could pick any of them: a report step read every report of the county to find one (measured on the bench: up to 375
/// rows for 1; a county's reports grow by a few hundred a year). The indexes on the key alone settle the choice.
/// </summary>
public sealed class KeyLookupPlanTests : IAsyncLifetime
{
    private string _owner = "";
    private Application.Demo.DemoTenantData _large = null!;
    private NpgsqlDataSource _app = null!;

    public async Task InitializeAsync()
    {
        _owner = await PostgresCluster.CreateMigratedDatabaseAsync("keylookup");
        // One county with a long history among smaller ones, and statistics as a running database has them.
        _large = await TestTenants.CreateAsync(_owner, projects: 60, reportMonths: 12);
        for (var i = 0; i < 3; i++) await TestTenants.CreateAsync(_owner, projects: 10, reportMonths: 12);
        await using (var owner = new NpgsqlConnection(_owner))
        {
            await owner.OpenAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", owner);
            await analyze.ExecuteNonQueryAsync();
        }
        _app = NpgsqlDataSource.Create(DatabaseSetup.AppConnectionString(_owner));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Lookups => new()
    {
        // name, the lookup with @tenant and @project / @report bound below
        { "a project by id", "SELECT * FROM projects WHERE tenant_id = @tenant AND id = @project" },
        { "a report by id", "SELECT * FROM progress_reports WHERE tenant_id = @tenant AND id = @report" },
        { "a project's month report", "SELECT * FROM progress_reports WHERE tenant_id = @tenant AND project_id = @project AND period = @period" },
        { "a project's lead units", "SELECT unit_id FROM project_units WHERE tenant_id = @tenant AND project_id = @project AND role = 'Lead'" },
        { "a project's targets", "SELECT id FROM indicators WHERE tenant_id = @tenant AND project_id = @project" },
        { "a report's figures", "SELECT * FROM report_actuals WHERE tenant_id = @tenant AND report_id = @report" },
        { "a project's month report with its figures", """
            SELECT r.id, a.indicator_id FROM (SELECT * FROM progress_reports WHERE tenant_id = @tenant AND project_id = @project AND period = @period LIMIT 1) r
            LEFT JOIN (SELECT * FROM report_actuals WHERE tenant_id = @tenant) a ON a.report_id = r.id
            """ },
        { "a report with its project's lead units", """
            SELECT r.id, u.unit_id FROM (SELECT * FROM progress_reports WHERE tenant_id = @tenant AND id = @report LIMIT 1) r
            LEFT JOIN (SELECT * FROM project_units WHERE tenant_id = @tenant AND role = 'Lead') u ON u.project_id = r.project_id
            """ },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task A_lookup_by_key_reads_the_rows_it_returns_not_the_tenants(string lookup, string sql)
    {
        await using var connection = await _app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(_large.Tenant.Id), connection, transaction)) await set.ExecuteNonQueryAsync();
        // The test's tables are a few pages, where reading them whole is the right plan; the question is which index a
        // table of a running county gets, so the planner is asked to use one.
        await using (var indexes = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction)) await indexes.ExecuteNonQueryAsync();

        // The last project and the last report of the tenant: an index scan by tenant alone meets them last.
        Guid project, report;
        DateOnly period;
        await using (var pick = new NpgsqlCommand(
            "SELECT r.project_id, r.id, r.period FROM progress_reports r ORDER BY r.project_id DESC, r.period DESC LIMIT 1", connection, transaction))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            (project, report, period) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2));
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", connection, transaction)
        {
            Parameters =
            {
                new("tenant", _large.Tenant.Id), new("project", project), new("report", report), new("period", period),
            },
        };
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!).RootElement[0].GetProperty("Plan");

        var scans = Scans(plan).ToList();
        Assert.NotEmpty(scans);
        foreach (var scan in scans)
        {
            // Read by key: nothing read only to be thrown away (a lead-unit lookup may pass over the project's other
            // units, a handful).
            Assert.True(scan.Removed <= 4, $"{lookup}: {scan.Node} on {scan.Relation ?? "a join"} threw away {scan.Removed} rows it read");
        }
    }

    private sealed record Scan(string Node, string? Relation, long Removed);

    private static IEnumerable<Scan> Scans(JsonElement node)
    {
        // EXPLAIN gives the rows removed per loop: times the loops, what the node read in all and threw away.
        long removed = 0;
        foreach (var key in new[] { "Rows Removed by Filter", "Rows Removed by Index Recheck", "Rows Removed by Join Filter" })
            if (node.TryGetProperty(key, out var value)) removed += value.GetInt64() * node.GetProperty("Actual Loops").GetInt64();
        var relation = node.TryGetProperty("Relation Name", out var name) ? name.GetString() : null;
        if (relation is not null || removed > 0)
            yield return new Scan(node.GetProperty("Node Type").GetString()!, relation, removed);
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray())
                foreach (var scan in Scans(child))
                    yield return scan;
    }
}
