using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Minsheng.Api.Tests.Hosting;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Operations;

/// <summary>
/// Issue 20 §6: the server process killed outright while clerks import plans and file month-end reports loses nothing
/// it acknowledged and leaves nothing half-written; PostgreSQL restarted under load: readiness says so while it is
/// down, callers get 503 (never a 500), and the server serves again once it is back, without a restart of its own.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private const string ImportMutation = """
        mutation($content: String!) { importPlan(input: { fileName: "003.txt", contentBase64: $content }) { succeeded alreadyImported projectCount plan { id projects { id } } } }
        """;
    private const string FileReport = """
        mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id status } }
        """;
    private const int Seed003Projects = 17;

    private static readonly string Seed003 = Convert.ToBase64String(File.ReadAllBytes(RepositoryPaths.Seed("003_e2b3581a32b51649.txt")));

    private readonly string _folder = ScratchFolder.NewPath("minsheng-faults");

    private sealed record Filed(string Tenant, string Report, string Indicator, decimal Value);

    [Fact]
    public async Task SIGKILL_during_imports_and_report_filing_loses_nothing_acknowledged_and_leaves_nothing_partial()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("faults");
        var tenants = new List<string>();
        for (var i = 0; i < 16; i++) tenants.Add((await TestTenants.CreateAsync(owner, projects: 8, reportMonths: 0)).Tenant.RegionCode);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Minsheng"] = DatabaseSetup.AppConnectionString(owner),
            // Many clerks of one county at once, as at month end: not this test's subject.
            ["RateLimits__Enabled"] = "false",
        };
        using var server = ServerProcess.Start(settings, "Development");
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };

        // Every project's first target, month by month: more filing than the kill leaves time for.
        var filings = new ConcurrentQueue<(string Tenant, string Project, string Indicator, string Period)>();
        foreach (var tenant in tenants)
        {
            var projects = (await new GraphQLClient(http, tenant).QueryAsync("{ projects(first: 50) { nodes { id indicators { id } } } }"))
                .GetProperty("projects").GetProperty("nodes").EnumerateArray().ToList();
            for (var month = 1; month <= 12; month++)
                foreach (var p in projects)
                    filings.Enqueue((tenant, p.GetProperty("id").GetString()!, p.GetProperty("indicators")[0].GetProperty("id").GetString()!, $"{DemoDataGenerator.DemoYear}-{month:00}"));
        }
        var imports = new ConcurrentQueue<string>(tenants);
        var imported = new ConcurrentBag<(string Tenant, string Plan)>();
        var filed = new ConcurrentBag<Filed>();
        var unanswered = 0;

        async Task ImportAsync()
        {
            while (imports.TryDequeue(out var tenant))
            {
                try
                {
                    var result = await new GraphQLClient(http, tenant).PostAsync(ImportMutation, new { content = Seed003 });
                    var payload = result.Data.GetProperty("importPlan");
                    Assert.True(payload.GetProperty("succeeded").GetBoolean(), result.Body.ToString());
                    imported.Add((tenant, payload.GetProperty("plan").GetProperty("id").GetString()!));
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    Interlocked.Increment(ref unanswered);
                    return;
                }
            }
        }

        async Task FileAsync(int worker)
        {
            while (filings.TryDequeue(out var f))
            {
                var value = 1 + worker + filed.Count % 97;
                try
                {
                    var result = await new GraphQLClient(http, f.Tenant).PostAsync(FileReport, new { input = new {
                        projectId = f.Project, period = f.Period, progress = "按计划推进", actuals = new[] { new { indicatorId = f.Indicator, value } }, submit = true } });
                    Assert.False(result.HasErrors, result.Body.ToString());
                    filed.Add(new Filed(f.Tenant, result.Data.GetProperty("saveReportDraft").GetProperty("id").GetString()!, f.Indicator, value));
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    Interlocked.Increment(ref unanswered);
                    return;
                }
            }
        }

        var work = Enumerable.Range(0, 3).Select(_ => ImportAsync()).Concat(Enumerable.Range(0, 6).Select(FileAsync)).ToList();
        for (var waited = 0; waited < 600 && (imported.Count < 2 || filed.Count < 30); waited++) await Task.Delay(50);
        await server.SignalAsync("KILL");
        await Task.WhenAll(work);

        Assert.True(imported.Count >= 2 && filed.Count >= 30, $"Too little was acknowledged before the kill: {imported.Count} imports, {filed.Count} reports.");
        Assert.True(unanswered > 0, "Nothing was in flight when the server was killed.");
        Assert.True(imports.Count + filings.Count > 0, "All the work had finished before the kill.");

        // Nothing partial: every imported plan whole, every report in the database filed whole (submitted, with its figure).
        var partialPlans = await OwnerQuery.ScalarAsync(owner, $"""
            SELECT count(*) FROM plans p WHERE p.document_number = '泾政办发〔2023〕4号'
              AND (SELECT count(*) FROM projects x WHERE x.tenant_id = p.tenant_id AND x.plan_id = p.id) <> {Seed003Projects}
            """);
        var halfFiled = await OwnerQuery.ScalarAsync(owner, """
            SELECT count(*) FROM progress_reports r WHERE r.status <> 'Submitted' OR r.submitted_at IS NULL
              OR (SELECT count(*) FROM report_actuals a WHERE a.tenant_id = r.tenant_id AND a.report_id = r.id) <> 1
            """);
        var plansInDatabase = (long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM plans WHERE document_number = '泾政办发〔2023〕4号'"))!;
        var reportsInDatabase = (long)(await OwnerQuery.ScalarAsync(owner, "SELECT count(*) FROM progress_reports"))!;
        Assert.Equal(0L, partialPlans);
        Assert.Equal(0L, halfFiled);
        // At most the requests in flight committed without their answer reaching the caller.
        Assert.InRange(plansInDatabase, imported.Count, imported.Count + unanswered);
        Assert.InRange(reportsInDatabase, filed.Count, filed.Count + unanswered);

        // Nothing acknowledged lost: the server started again finds every plan and report it answered for, as answered.
        using var again = ServerProcess.Start(settings, "Development");
        Assert.True(await again.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready after the kill:\n" + again.Output);
        using var http2 = new HttpClient { BaseAddress = new Uri(again.Url) };
        foreach (var (tenant, plan) in imported)
        {
            var found = (await new GraphQLClient(http2, tenant).QueryAsync("query($id: ID!) { node(id: $id) { ... on Plan { projects { id } } } }", new { id = plan }))
                .GetProperty("node");
            Assert.Equal(Seed003Projects, found.GetProperty("projects").GetArrayLength());
        }
        foreach (var f in filed)
        {
            var report = (await new GraphQLClient(http2, f.Tenant).QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on ProgressReport { status actuals { indicator { id } value } } } }", new { id = f.Report })).GetProperty("node");
            Assert.Equal("SUBMITTED", report.GetProperty("status").GetString());
            var actual = Assert.Single(report.GetProperty("actuals").EnumerateArray());
            Assert.Equal(f.Indicator, actual.GetProperty("indicator").GetProperty("id").GetString());
            Assert.Equal(f.Value, actual.GetProperty("value").GetDecimal());
        }
        // A plan whose import the kill cut off imports whole now (or is found whole, had it committed unanswered).
        var cutOff = tenants.Except(imported.Select(i => i.Tenant)).First();
        var retried = (await new GraphQLClient(http2, cutOff).QueryAsync(ImportMutation, new { content = Seed003 })).GetProperty("importPlan");
        Assert.True(retried.GetProperty("succeeded").GetBoolean());
        Assert.Equal(Seed003Projects, retried.GetProperty("plan").GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task PostgreSQL_restarted_under_load_readiness_reflects_it_and_the_server_recovers_on_its_own()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_folder, "pgdata"), Port = ServerProcess.FreePort() };
        var database = await EmbeddedPostgres.StartAsync(options);
        var owner = database.ConnectionString("minsheng");
        await PlatformDatabase.MigrateAsync(owner);
        await DemoDataLoader.LoadAsync(owner, DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants));
        using var server = ServerProcess.Start(new()
        {
            ["ConnectionStrings__Minsheng"] = DatabaseSetup.AppConnectionString(owner),
            // The readers are anonymous callers from one address, faster than the public limit allows.
            ["RateLimits__AnonymousPerSecond"] = "10000",
            ["RateLimits__AnonymousBurst"] = "10000",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };
        var anonymous = new GraphQLClient(http, null);
        const string Read = """{ publicDisclosure(regionCode: "411302") { regionCode } }""";

        // Readers keep asking throughout; every answer is tallied by status.
        var statuses = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await anonymous.PostAsync(Read);
                statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
                if (response.Status == 200) Assert.Equal("411302", response.Data.GetProperty("publicDisclosure").GetProperty("regionCode").GetString());
                else Assert.DoesNotContain("Npgsql", response.Body.ToString());
                await Task.Delay(20);
            }
        }).ToList();
        await Task.Delay(500);

        await database.StopAsync();
        var readyWhileDown = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
        var whileDown = await anonymous.PostAsync(Read);
        database = await EmbeddedPostgres.StartAsync(options);
        var readyAgain = await WaitForReadinessAsync(http, HttpStatusCode.OK);
        var afterwards = await anonymous.PostAsync(Read);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        await server.StopAsync();
        await database.StopAsync();

        Assert.True(readyWhileDown, "Readiness did not turn 503 while the database was down.");
        Assert.Equal(503, whileDown.Status);
        Assert.Equal("DATABASE_UNAVAILABLE", whileDown.ErrorCode());
        Assert.True(readyAgain, "Readiness did not recover after the database came back.");
        Assert.Equal(200, afterwards.Status);
        Assert.Equal([200, 503], statuses.Keys.Order().ToArray());
    }

    private static async Task<bool> WaitForReadinessAsync(HttpClient http, HttpStatusCode wanted)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await http.GetAsync("/health/ready")).StatusCode == wanted) return true;
            await Task.Delay(100);
        }
        return false;
    }

    public void Dispose() => ScratchFolder.Delete(_folder);
}
