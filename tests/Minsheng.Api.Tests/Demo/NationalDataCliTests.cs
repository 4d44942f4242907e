using Minsheng.Api.Tests.Cli;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Demo;

/// <summary>
/// Issue 20 §1: <c>minsheng demo national</c> migrates an empty database given as owner and application role, loads the
/// national synthetic data (here one province, Ningxia: 1 + 5 + 22 governments), reports what it did, and loading again
/// adds nothing.
/// </summary>
public sealed class NationalDataCliTests
{
    [Fact]
    public async Task Demo_national_loads_a_province_once_with_its_supervised_year()
    {
        var server = await PostgresCluster.GetAsync();
        var owner = server.ConnectionString($"national_{Guid.NewGuid():N}"[..30]);
        var app = DatabaseSetup.AppConnectionString(owner);

        var (code, output) = await CliProcess.RunAsync("demo", "national", "--under", "640000", "--connection", app, "--owner-connection", owner);
        var (againCode, again) = await CliProcess.RunAsync("demo", "national", "--under", "640000", "--connection", app, "--owner-connection", owner);
        var (unknownCode, unknown) = await CliProcess.RunAsync("demo", "national", "--under", "999999", "--connection", app, "--owner-connection", owner);

        Assert.True(code == 0, output);
        Assert.Contains("28 tenants (28 loaded, 0 already there)", output);
        Assert.Contains("[##############################] 28/28 tenants", output);
        Assert.True(againCode == 0, again);
        Assert.Contains("28 tenants (0 loaded, 28 already there), 0 rows written", again);
        Assert.Equal(1, unknownCode);
        Assert.Contains("No region in the shipped division list has the code '999999'.", unknown);

        Assert.Equal(28L, await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM tenants WHERE region_code LIKE '64%'"));
        // Every government has 10–30 projects with 2–5 targets, and every project twelve reports stating every target.
        Assert.Equal(0L, await OwnerQuery.ScalarAsync(owner, """
            SELECT count(*) FROM tenants t WHERE (SELECT count(*) FROM projects p WHERE p.tenant_id = t.id) NOT BETWEEN 10 AND 30
            """));
        Assert.Equal(0L, await OwnerQuery.ScalarAsync(owner, """
            SELECT count(*) FROM projects p WHERE (SELECT count(*) FROM indicators i WHERE i.project_id = p.id) NOT BETWEEN 2 AND 5
               OR (SELECT count(*) FROM progress_reports r WHERE r.project_id = p.id) <> 12
               OR (SELECT count(*) FROM report_actuals a JOIN progress_reports r ON r.id = a.report_id WHERE r.project_id = p.id)
                  <> 12 * (SELECT count(*) FROM indicators i WHERE i.project_id = p.id)
            """));
        // Every project has a recorded light, and the province shows all three; some projects got a 督办.
        Assert.Equal(0L, await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT FROM project_lights l WHERE l.project_id = p.id)"));
        Assert.Equal(3L, await OwnerQuery.ScalarAsync(owner, "SELECT count(DISTINCT light) FROM project_lights"));
        Assert.True((long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM supervision_notices"))! > 0);
        Assert.True((long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM milestones WHERE achieved_on IS NOT NULL"))! > 0);
    }
}
