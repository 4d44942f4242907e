using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Server.Supervision;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// Status and lights through GraphQL on the demo plan of 2024 (targets, quarterly milestones due at each quarter's end,
/// no report filed), assessed on fixed days: the rules are pure, so the days are the clock.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StatusLightsTests(ApiFactory factory)
{
    private const string Assess = """
        query($asOf: DateOnly) { projects(first: 50) { nodes { id assessment(asOf: $asOf) {
          status light lightSince progressPercent elapsedPercent supervisionSuggested reasons { code light message } } } } }
        """;

    private static List<JsonElement> Assessments(JsonElement data) =>
        data.GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("assessment")).ToList();

    private static HashSet<string> Codes(JsonElement assessment) =>
        assessment.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToHashSet();

    [Fact]
    public async Task A_project_without_reports_is_not_started_in_January_and_lagging_in_May_with_its_reasons()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var january = Assessments(await client.QueryAsync(Assess, new { asOf = "2024-01-20" }));
        var may = Assessments(await client.QueryAsync(Assess, new { asOf = "2024-05-01" }));

        Assert.All(january, a =>
        {
            Assert.Equal("NOT_STARTED", a.GetProperty("status").GetString());
            Assert.Equal("GREEN", a.GetProperty("light").GetString());
            Assert.Empty(a.GetProperty("reasons").EnumerateArray());
        });
        Assert.All(may, a =>
        {
            Assert.Equal("LAGGING", a.GetProperty("status").GetString());
            Assert.Equal("RED", a.GetProperty("light").GetString());
            // The March milestone (31 days late), the January to March reports, and no progress with a third of the year gone.
            Assert.Superset(new HashSet<string> { "MISSED_MILESTONE", "OVERDUE_REPORT", "BEHIND_SCHEDULE" }, Codes(a));
            // A third of the year is gone, more of a project due before December.
            Assert.InRange(a.GetProperty("elapsedPercent").GetInt32(), 33, 100);
            Assert.Contains(a.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("message").GetString()!.Contains("1月报告未报送"));
        });
    }

    [Fact]
    public async Task Recording_keeps_the_light_history_and_a_lasting_yellow_escalates_to_red()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        await client.QueryAsync("mutation { configureStatusRules(input: { yellowEscalationDays: 3, redSupervisionDays: 1 }) { yellowEscalationDays } }");
        const string Record = "mutation($asOf: DateOnly) { recordLights(input: { asOf: $asOf }) { assessed changed } }";

        // 10 February: January's report (due 5 February) is 5 days late: yellow.
        var first = (await client.QueryAsync(Record, new { asOf = "2024-02-10" })).GetProperty("recordLights");
        var again = (await client.QueryAsync(Record, new { asOf = "2024-02-10" })).GetProperty("recordLights");
        var stillYellow = Assessments(await client.QueryAsync(Assess, new { asOf = "2024-02-12" }));
        var escalated = Assessments(await client.QueryAsync(Assess, new { asOf = "2024-02-15" }));
        var third = (await client.QueryAsync(Record, new { asOf = "2024-02-15" })).GetProperty("recordLights");

        Assert.Equal((2, 2), (first.GetProperty("assessed").GetInt32(), first.GetProperty("changed").GetInt32()));
        Assert.Equal(0, again.GetProperty("changed").GetInt32()); // nothing changed: nothing added
        Assert.All(stillYellow, a => Assert.Equal(("YELLOW", "2024-02-10"), (a.GetProperty("light").GetString(), a.GetProperty("lightSince").GetString())));
        Assert.All(escalated, a =>
        {
            Assert.Equal(("RED", "2024-02-13"), (a.GetProperty("light").GetString(), a.GetProperty("lightSince").GetString()));
            Assert.Contains("ESCALATED", Codes(a));
            Assert.True(a.GetProperty("supervisionSuggested").GetBoolean());
        });
        Assert.Equal(2, third.GetProperty("changed").GetInt32());

        var history = (await client.QueryAsync("{ projects(first: 1) { nodes { lightHistory { recordedFor light since escalated reasons { code } } } } }"))
            .GetProperty("projects").GetProperty("nodes")[0].GetProperty("lightHistory").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(("YELLOW", "2024-02-10", false), (history[0].GetProperty("light").GetString(), history[0].GetProperty("since").GetString(), history[0].GetProperty("escalated").GetBoolean()));
        Assert.Equal(("RED", "2024-02-13", true), (history[1].GetProperty("light").GetString(), history[1].GetProperty("since").GetString(), history[1].GetProperty("escalated").GetBoolean()));
        Assert.Equal("OVERDUE_REPORT", history[0].GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Thresholds_are_the_tenants_own_and_nonsense_is_refused_by_field()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0);
        var other = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var set = (await client.QueryAsync("mutation { configureStatusRules(input: { atRiskGapPoints: 40, laggingGapPoints: 60 }) { atRiskGapPoints laggingGapPoints overdueReportRedDays } }"))
            .GetProperty("configureStatusRules");
        var refused = await client.PostAsync("mutation { configureStatusRules(input: { laggingGapPoints: 10 }) { laggingGapPoints } }");
        var othersRules = (await factory.Client(other.Tenant.RegionCode).QueryAsync("{ statusRules { atRiskGapPoints } }")).GetProperty("statusRules");
        var audit = await client.QueryAsync("""{ auditTrail(entityType: "StatusThresholds") { action before after } }""");

        Assert.Equal((40, 60, 15), (set.GetProperty("atRiskGapPoints").GetInt32(), set.GetProperty("laggingGapPoints").GetInt32(), set.GetProperty("overdueReportRedDays").GetInt32()));
        Assert.Equal("BAD_USER_INPUT", refused.ErrorCode());
        Assert.Equal("laggingGapPoints", refused.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(15, othersRules.GetProperty("atRiskGapPoints").GetInt32());
        var entry = Assert.Single(audit.GetProperty("auditTrail").EnumerateArray());
        Assert.Equal(15, JsonDocument.Parse(entry.GetProperty("before").GetString()!).RootElement.GetProperty("AtRiskGapPoints").GetInt32());
        Assert.Equal(40, JsonDocument.Parse(entry.GetProperty("after").GetString()!).RootElement.GetProperty("AtRiskGapPoints").GetInt32());
    }

    [Fact]
    public async Task Recordings_of_one_day_at_once_keep_one_record_per_project()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 6, reportMonths: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        const string Record = "mutation($asOf: DateOnly) { recordLights(input: { asOf: $asOf }) { assessed changed } }";

        // The daily round and the office's button, say, on the same day at the same moment.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(Record, new { asOf = "2024-03-20" })));
        var rows = (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT count(*) FROM project_lights WHERE tenant_id = '{tenant.Tenant.Id}' AND recorded_for = DATE '2024-03-20'"))!;
        var projects = (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT count(DISTINCT project_id) FROM project_lights WHERE tenant_id = '{tenant.Tenant.Id}' AND recorded_for = DATE '2024-03-20'"))!;

        Assert.All(results, r => Assert.False(r.HasErrors, r.Body.ToString()));
        Assert.True(rows > 0);
        Assert.Equal(projects, rows);
        // Each recording reports what it added: together, every record once.
        Assert.Equal(rows, results.Sum(r => r.Data.GetProperty("recordLights").GetProperty("changed").GetInt32()));
    }

    [Fact]
    public async Task A_page_of_projects_with_their_light_and_latest_report_costs_one_round_trip_once_assessed_today()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 20);
        var client = factory.Client(tenant.Tenant.RegionCode);
        const string Page = "{ projects(first: 20) { nodes { name assessment { light status reasons { code } } latestReport { period } } } }";

        // The first reader of the day works the assessments out (one more trip, whatever the page size) and stores them.
        var first = await client.PostAsync(Page);
        var response = await client.PostUntilOneRoundTripAsync(Page);

        Assert.False(first.HasErrors, first.Body.ToString());
        Assert.Equal(2, first.SqlRoundTrips);
        Assert.Equal(20, response.Data.GetProperty("projects").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, response.SqlRoundTrips);
        Assert.Equal(first.Data.GetRawText(), response.Data.GetRawText());
        // The stored assessments come in the page's own rows: the lights cost no statement of their own.
        var withoutLights = await client.PostAsync("{ projects(first: 20) { nodes { name latestReport { period } } } }");
        Assert.Equal(withoutLights.SqlStatements, response.SqlStatements);
    }

    [Fact]
    public async Task Lights_joined_to_a_cut_page_keep_its_projects_and_their_order_on_every_page()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 25);
        var client = factory.Client(tenant.Tenant.RegionCode);
        static string Page(string? after, bool lights) => $$"""
            { projects(first: 10{{(after is null ? "" : $", after: \"{after}\"")}}) {
                nodes { id {{(lights ? "assessment { light reasons { code } }" : "")}} } pageInfo { endCursor hasNextPage } } }
            """;
        async Task<List<string>> WalkAsync(bool lights)
        {
            var ids = new List<string>();
            string? after = null;
            do
            {
                // The second reader of the day takes the stored assessments through the page's join.
                await client.PostAsync(Page(after, lights));
                var response = await client.PostAsync(Page(after, lights));
                Assert.False(response.HasErrors, response.Body.ToString());
                var projects = response.Data.GetProperty("projects");
                foreach (var node in projects.GetProperty("nodes").EnumerateArray())
                {
                    ids.Add(node.GetProperty("id").GetString()!);
                    if (lights) Assert.NotEqual(JsonValueKind.Null, node.GetProperty("assessment").GetProperty("light").ValueKind);
                }
                var info = projects.GetProperty("pageInfo");
                after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
            } while (after is not null);
            return ids;
        }

        var plain = await WalkAsync(lights: false);
        var withLights = await WalkAsync(lights: true);

        Assert.Equal(25, plain.Count);
        Assert.Equal(plain, withLights);
    }

    [Fact]
    public async Task The_server_keeps_every_active_tenants_light_history_by_itself()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var job = factory.Services.GetRequiredService<DailySupervisionRound>();

        var (tenants, changed) = await job.RecordAllAsync(new DateOnly(2024, 5, 1), CancellationToken.None);
        var (_, again) = await job.RecordAllAsync(new DateOnly(2024, 5, 1), CancellationToken.None);

        Assert.True(tenants > 1, "every active tenant, the demo ones and this one");
        Assert.True(changed >= 2);
        Assert.Equal(0, again);
        var nodes = (await client.QueryAsync("{ projects(first: 5) { nodes { lightHistory { recordedFor light } } } }")).GetProperty("projects").GetProperty("nodes");
        Assert.All(nodes.EnumerateArray(), n =>
        {
            var record = Assert.Single(n.GetProperty("lightHistory").EnumerateArray());
            Assert.Equal(("2024-05-01", "RED"), (record.GetProperty("recordedFor").GetString(), record.GetProperty("light").GetString()));
        });
    }
}
