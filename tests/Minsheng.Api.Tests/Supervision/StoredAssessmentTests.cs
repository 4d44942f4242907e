using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Minsheng.Application.Supervision;
using Minsheng.Data;
using Minsheng.Domain.Supervision;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// A page with lights reads each project's stored assessment when it is fresh, and works it out when it is not. These
/// tests hold it to the one promise that makes that safe: what the page shows is always what the rules say now — right
/// after a write, on another day, and when a reader worked an assessment out just before a change committed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StoredAssessmentTests(ApiFactory factory)
{
    private const string Fields = "status light progressPercent elapsedPercent lightSince supervisionSuggested reasons { code light message }";

    private static string Page(string today) => $$"""
        { projects(first: 50) { nodes { id assessment { {{Fields}} } live: assessment(asOf: "{{today}}") { {{Fields}} } } } }
        """;

    private const string PageWithLights = $$"""{ projects(first: 50) { nodes { id assessment { {{Fields}} } } } }""";

    // The server's today (its local date, as TimeProvider.GetLocalNow gives it): the test runs on the same machine.
    private static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");

    /// <summary>Every project's assessment on the page, and proof that each equals the one worked out live for today.</summary>
    private static Dictionary<string, string> AssertSameAsLive(JsonElement data)
    {
        var byProject = new Dictionary<string, string>();
        foreach (var node in data.GetProperty("projects").GetProperty("nodes").EnumerateArray())
        {
            var shown = node.GetProperty("assessment").GetRawText();
            Assert.Equal(node.GetProperty("live").GetRawText(), shown);
            byProject[node.GetProperty("id").GetString()!] = shown;
        }
        return byProject;
    }

    /// <summary>Requests the page until it is answered from stored assessments alone (one round trip).</summary>
    private static async Task<GraphQLResponse> UntilStoredAsync(GraphQLClient client)
    {
        var response = await client.PostUntilOneRoundTripAsync(PageWithLights);
        Assert.False(response.HasErrors, response.Body.ToString());
        return response;
    }

    [Fact]
    public async Task The_page_shows_what_the_rules_say_now_before_and_after_a_write()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 8, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);

        // Cold: nothing stored yet, every assessment is worked out (a second round trip) and offered to the store.
        var cold = await client.PostAsync(PageWithLights);
        Assert.False(cold.HasErrors, cold.Body.ToString());
        Assert.Equal(2, cold.SqlRoundTrips);
        var warm = await UntilStoredAsync(client);
        Assert.Equal(1, warm.SqlRoundTrips);
        Assert.Equal(cold.Data.GetRawText(), warm.Data.GetRawText());
        var before = AssertSameAsLive((await client.QueryAsync(Page(Today))));

        // A write to one project: suspended by a recorded decision. The next page, at once, shows it suspended.
        var suspended = tenant.Projects.First(p => p.ParentId is null);
        var suspendedId = GlobalId.Encode("Project", suspended.Id);
        await client.QueryAsync("""
            mutation($id: ID!, $on: DateOnly!) { decideProjectChange(input: { projectId: $id, kind: SUSPENDED, reason: "征地未完成",
              approver: "县政府常务会议", decidedOn: $on }) { id } }
            """, new { id = suspendedId, on = Today });
        var afterDecision = await client.PostAsync(PageWithLights);
        Assert.Equal(2, afterDecision.SqlRoundTrips);
        var shown = afterDecision.Data.GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == suspendedId).GetProperty("assessment");
        Assert.Equal("SUSPENDED", shown.GetProperty("status").GetString());

        // A report filed and signed off for another project: its figures count at once.
        var filed = tenant.Projects.Where(p => p.ParentId is null && p.Id != suspended.Id)
            .First(p => tenant.Indicators.Any(i => i.ProjectId == p.Id));
        var actuals = tenant.Indicators.Where(i => i.ProjectId == filed.Id)
            .Select(i => new { indicatorId = GlobalId.Encode("Indicator", i.Id), value = i.TargetValue }).ToArray();
        var draft = await client.QueryAsync("""
            mutation($p: ID!, $a: [ReportedActualInput!]) { saveReportDraft(input: { projectId: $p, period: "2024-11", progress: "已完工", actuals: $a }) { id } }
            """, new { p = GlobalId.Encode("Project", filed.Id), a = actuals });
        var reportId = draft.GetProperty("saveReportDraft").GetProperty("id").GetString();
        await client.QueryAsync("mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", new { id = reportId });
        await client.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id = reportId });

        var after = AssertSameAsLive(await client.QueryAsync(Page(Today)));
        Assert.NotEqual(before[suspendedId], after[suspendedId]);
        Assert.NotEqual(before[GlobalId.Encode("Project", filed.Id)], after[GlobalId.Encode("Project", filed.Id)]);
        // And once stored again, the stored ones are the same.
        Assert.Equal(1, (await UntilStoredAsync(client)).SqlRoundTrips);
        Assert.Equal(after, AssertSameAsLive(await client.QueryAsync(Page(Today))));
    }

    [Fact]
    public async Task An_assessment_worked_out_before_a_change_committed_is_not_stored_after_it()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3, reportMonths: 2);
        var project = tenant.Projects.First(p => p.ParentId is null);
        var epoch = (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT epoch FROM project_assessments WHERE project_id = '{project.Id}'"))!;

        // A change to an input commits (here: the project renamed by its owner; any update of the project counts).
        await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"UPDATE projects SET remarks = '改' WHERE id = '{project.Id}'");

        // The reader's assessment from before the change arrives afterwards: it is dropped. One from after it is kept.
        var appConnection = DatabaseSetup.AppConnectionString(factory.OwnerConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(appConnection);
        var writer = new StoredAssessmentWriter(dataSource, NullLogger<StoredAssessmentWriter>.Instance);
        var assessment = new ProjectAssessment(DateOnly.FromDateTime(DateTime.UtcNow), ProjectStatus.OnTrack, Light.Green, [], 50, 50,
            DateOnly.FromDateTime(DateTime.UtcNow), false);
        writer.Offer(tenant.Tenant.Id, project.Id, epoch, assessment.AsOf, assessment);
        Assert.Equal(0, await writer.FlushAsync(CancellationToken.None));
        Assert.Equal(false, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT assessed_on IS NOT NULL FROM project_assessments WHERE project_id = '{project.Id}'"));
        writer.Offer(tenant.Tenant.Id, project.Id, epoch + 1, assessment.AsOf, assessment);
        Assert.Equal(1, await writer.FlushAsync(CancellationToken.None));

        // Another tenant's offer cannot be stored through this tenant's setting: row-level security keeps the writer to
        // the tenants it names, and an id from another tenant matches no row of this one.
        var other = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 1);
        var foreign = other.Projects.First();
        var foreignEpoch = (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT epoch FROM project_assessments WHERE project_id = '{foreign.Id}'"))!;
        writer.Offer(tenant.Tenant.Id, foreign.Id, foreignEpoch, assessment.AsOf, assessment);
        Assert.Equal(0, await writer.FlushAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Every_input_of_the_rules_marks_exactly_its_projects_stale()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 6, reportMonths: 3);
        var owner = factory.OwnerConnectionString;
        var t = tenant.Tenant.Id;
        var projects = tenant.Projects.Where(p => p.ParentId is null).Take(2).ToArray();
        var (a, b) = (projects[0].Id, projects[1].Id);
        Assert.Equal((long)tenant.Projects.Count, (long)(await OwnerQuery.ScalarAsync(owner, $"SELECT count(*) FROM project_assessments WHERE tenant_id = '{t}'"))!);

        async Task<(long Epoch, bool Fresh)> StateAsync(Guid project)
        {
            await using var connection = new NpgsqlConnection(owner + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT epoch, assessed_on IS NOT NULL FROM project_assessments WHERE project_id = '{project}'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetInt64(0), reader.GetBoolean(1));
        }

        // Each change, and which of the two projects it must mark stale.
        var changes = new (string Sql, bool A, bool B)[]
        {
            ($"UPDATE progress_reports SET progress = progress || '。' WHERE project_id = '{a}' AND period = (SELECT min(period) FROM progress_reports WHERE project_id = '{a}')", true, false),
            ($"UPDATE report_actuals SET value = value + 1 WHERE indicator_id IN (SELECT id FROM indicators WHERE project_id = '{b}')", false, true),
            ($"UPDATE indicators SET target_value = target_value + 1 WHERE project_id = '{a}'", true, false),
            ($"UPDATE milestones SET achieved_on = DATE '2024-06-30' WHERE project_id = '{b}'", false, true),
            ($"UPDATE projects SET state = 'Suspended' WHERE id = '{a}'", true, false),
            ($"INSERT INTO project_lights (id, tenant_id, project_id, recorded_for, light, since, escalated, status, reasons, recorded_at) " +
             $"VALUES (gen_random_uuid(), '{t}', '{b}', DATE '2024-07-01', 'Red', DATE '2024-07-01', false, 'Lagging', '[]', now())", false, true),
            ($"DELETE FROM progress_reports WHERE project_id = '{a}' AND period = (SELECT max(period) FROM progress_reports WHERE project_id = '{a}')", true, false),
            ($"UPDATE tenants SET report_due_day = report_due_day % 28 + 1 WHERE id = '{t}'", true, true),
            ($"UPDATE plans SET year = year + 1 WHERE tenant_id = '{t}'", true, true),
        };
        foreach (var (sql, staleA, staleB) in changes)
        {
            await OwnerQuery.ScalarAsync(owner, $"UPDATE project_assessments SET assessed_on = DATE '2024-07-01' WHERE tenant_id = '{t}'");
            var (beforeA, beforeB) = (await StateAsync(a), await StateAsync(b));
            await OwnerQuery.ScalarAsync(owner, sql);
            var (afterA, afterB) = (await StateAsync(a), await StateAsync(b));
            Assert.True((afterA.Epoch > beforeA.Epoch, !afterA.Fresh) == (staleA, staleA), $"{sql}: project A {beforeA} → {afterA}");
            Assert.True((afterB.Epoch > beforeB.Epoch, !afterB.Fresh) == (staleB, staleB), $"{sql}: project B {beforeB} → {afterB}");
        }

        // A new project gets its row with the project; deleting the project takes the row with it.
        var created = await factory.Client(tenant.Tenant.RegionCode).QueryAsync("""
            mutation($plan: ID!) { createProject(input: { planId: $plan, sequence: "99", name: "新建项目" }) { id } }
            """, new { plan = GlobalId.Encode("Plan", tenant.Plans.Single().Id) });
        Assert.True(GlobalId.TryDecode(created.GetProperty("createProject").GetProperty("id").GetString(), out _, out var createdId));
        Assert.Equal(0L, (await StateAsync(createdId)).Epoch);
        await OwnerQuery.ScalarAsync(owner, $"DELETE FROM projects WHERE id = '{createdId}'");
        Assert.Equal(0L, (long)(await OwnerQuery.ScalarAsync(owner, $"SELECT count(*) FROM project_assessments WHERE project_id = '{createdId}'"))!);
    }
}
