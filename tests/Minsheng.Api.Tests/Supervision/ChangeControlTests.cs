using System.Text.Json;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// Issue #17 §4 (销号) and §5 (change control) on fresh tenants whose published 2024 plan was voted by the people's
/// congress: ordinary edits of what the plan promised are refused with DECISION_REQUIRED; a decision records reason,
/// approver and — for a target or a cancellation — the standing committee's reference, applies the change, and keeps the
/// earlier version; a suspended project owes no reports and is not chased; a completed project is closed out with who and why.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ChangeControlTests(ApiFactory factory)
{
    private const string Project = """
        query($id: ID!) { project(id: $id) { id state deadline { date precision } closedOutBy closureNote assessment { status }
          indicators { id label targetValue unit comparator }
          changeDecisions { kind reason approver congressReference decidedOn before after recordedBy indicator { id } } } }
        """;

    private const string Decide = """
        mutation($input: DecideProjectChangeInput!) { decideProjectChange(input: $input) { kind before after congressReference } }
        """;

    private static async Task<(GraphQLClient Client, string ProjectId)> TenantAsync(ApiFactory factory)
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var id = (await client.QueryAsync("{ projects(first: 10) { nodes { id indicators { id } } } }")).GetProperty("projects").GetProperty("nodes")
            .EnumerateArray().First(n => n.GetProperty("indicators").GetArrayLength() > 0).GetProperty("id").GetString()!;
        return (client, id);
    }

    private static async Task<JsonElement> ReadAsync(GraphQLClient client, string id) =>
        (await client.QueryAsync(Project, new { id })).GetProperty("project");

    [Fact]
    public async Task Editing_a_published_plans_promise_needs_a_decision_which_keeps_the_earlier_version()
    {
        var (client, id) = await TenantAsync(factory);
        var before = await ReadAsync(client, id);
        var target = before.GetProperty("indicators")[0];
        var targetId = target.GetProperty("id").GetString();
        var oldValue = target.GetProperty("targetValue").GetDecimal();
        // A month the deadline is not in already, so that the decision changes something.
        var newMonth = before.GetProperty("deadline").GetProperty("date").GetString()!.StartsWith("2024-11") ? "2024-10" : "2024-11";

        var editTarget = await client.PostAsync("mutation($id: ID!) { updateIndicator(input: { id: $id, targetValue: 1 }) { id } }", new { id = targetId });
        var editDeadline = await client.PostAsync("mutation($id: ID!) { updateProject(input: { id: $id, deadline: { date: \"2024-12-31\" } }) { id } }", new { id });
        var delete = await client.PostAsync("mutation($id: ID!) { deleteProject(id: $id) { deletedId } }", new { id });
        var editLabel = await client.PostAsync("mutation($id: ID!) { updateIndicator(input: { id: $id, label: \"改写的说明\" }) { label } }", new { id = targetId });

        object Adjust(string? congress, string decidedOn = "2024-07-15") => new { input = new {
            projectId = id, kind = "TARGET_ADJUSTED", indicatorId = targetId, targetValue = oldValue * 0.8m,
            reason = "受上级资金下达延迟影响，调减年度任务", approver = "县政府第12次常务会议", congressReference = congress, decidedOn } };
        var withoutReference = await client.PostAsync(Decide, Adjust(null));
        var inTheFuture = await client.PostAsync(Decide, Adjust("县人大常委会〔2024〕5号", "2099-01-01"));
        var adjusted = (await client.QueryAsync(Decide, Adjust("县人大常委会〔2024〕5号"))).GetProperty("decideProjectChange");
        var moved = (await client.QueryAsync(Decide, new { input = new {
            projectId = id, kind = "DEADLINE_MOVED", deadline = new { date = newMonth + "-01", precision = "END_OF_MONTH" },
            reason = "冬季施工条件受限", approver = "县政府第12次常务会议", decidedOn = "2024-07-15" } })).GetProperty("decideProjectChange");
        var noChange = await client.PostAsync(Decide, new { input = new {
            projectId = id, kind = "DEADLINE_MOVED", deadline = new { date = newMonth + "-01", precision = "END_OF_MONTH" },
            reason = "重复", approver = "县政府", decidedOn = "2024-07-16" } });
        var after = await ReadAsync(client, id);

        Assert.Equal(["DECISION_REQUIRED", "DECISION_REQUIRED", "DECISION_REQUIRED"], new[] { editTarget.ErrorCode(), editDeadline.ErrorCode(), delete.ErrorCode() });
        Assert.False(editLabel.HasErrors); // wording is not a promise
        Assert.Equal("BAD_USER_INPUT", withoutReference.ErrorCode());
        Assert.Contains("standing committee", withoutReference.ErrorMessage());
        Assert.Equal("BAD_USER_INPUT", inTheFuture.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", noChange.ErrorCode());
        Assert.Equal(oldValue, JsonDocument.Parse(adjusted.GetProperty("before").GetString()!).RootElement.GetProperty("targetValue").GetDecimal());
        Assert.Equal(oldValue * 0.8m, JsonDocument.Parse(adjusted.GetProperty("after").GetString()!).RootElement.GetProperty("targetValue").GetDecimal());
        Assert.Equal(oldValue * 0.8m, after.GetProperty("indicators")[0].GetProperty("targetValue").GetDecimal());
        Assert.Equal((newMonth + "-" + (newMonth == "2024-11" ? "30" : "31"), "END_OF_MONTH"), (after.GetProperty("deadline").GetProperty("date").GetString(), after.GetProperty("deadline").GetProperty("precision").GetString()));
        Assert.Equal(before.GetProperty("deadline").GetProperty("date").GetString(),
            JsonDocument.Parse(moved.GetProperty("before").GetString()!).RootElement.GetProperty("date").GetString());
        var decisions = after.GetProperty("changeDecisions").EnumerateArray().ToList();
        Assert.Equal(["TARGET_ADJUSTED", "DEADLINE_MOVED"], decisions.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal((targetId, "县人大常委会〔2024〕5号", "县政府第12次常务会议", "2024-07-15"), (decisions[0].GetProperty("indicator").GetProperty("id").GetString(),
            decisions[0].GetProperty("congressReference").GetString(), decisions[0].GetProperty("approver").GetString(), decisions[0].GetProperty("decidedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, decisions[1].GetProperty("congressReference").ValueKind); // a deadline is the government's own decision
    }

    [Fact]
    public async Task A_suspended_project_owes_no_reports_and_a_cancellation_needs_the_congress()
    {
        var (client, id) = await TenantAsync(factory);
        object Change(string kind, string? congress = null) => new { input = new { projectId = id, kind, reason = "征地手续未完成", approver = "县政府常务会议",
            congressReference = congress, decidedOn = "2024-03-01" } };
        const string Overdue = "{ overdueReports(asOf: \"2024-06-30\") { project { id } } }";
        int OverdueOf(JsonElement data) => data.GetProperty("overdueReports").EnumerateArray().Count(o => o.GetProperty("project").GetProperty("id").GetString() == id);

        var owedBefore = OverdueOf(await client.QueryAsync(Overdue));
        await client.QueryAsync(Decide, Change("SUSPENDED"));
        var suspended = await ReadAsync(client, id);
        var owedWhileSuspended = OverdueOf(await client.QueryAsync(Overdue));
        var suspendAgain = await client.PostAsync(Decide, Change("SUSPENDED"));
        var cancelWithoutCongress = await client.PostAsync(Decide, Change("CANCELLED"));
        await client.QueryAsync(Decide, Change("RESUMED"));
        var resumed = await ReadAsync(client, id);
        await client.QueryAsync(Decide, Change("CANCELLED", "县人大常委会〔2024〕9号"));
        var cancelled = await ReadAsync(client, id);
        var noticeOnCancelled = await client.PostAsync("""
            mutation($id: ID!) { issueSupervisionNotice(input: { projectId: $id, problem: "p", requirement: "r", rectifyBy: "2099-01-01" }) { id } }
            """, new { id });

        Assert.True(owedBefore > 0);
        Assert.Equal(("SUSPENDED", "SUSPENDED"), (suspended.GetProperty("state").GetString(), suspended.GetProperty("assessment").GetProperty("status").GetString()));
        Assert.Equal(0, owedWhileSuspended);
        Assert.Equal("ILLEGAL_TRANSITION", suspendAgain.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", cancelWithoutCongress.ErrorCode());
        Assert.Equal("ACTIVE", resumed.GetProperty("state").GetString());
        Assert.Equal(("CANCELLED", "CANCELLED"), (cancelled.GetProperty("state").GetString(), cancelled.GetProperty("assessment").GetProperty("status").GetString()));
        Assert.Equal(["SUSPENDED", "RESUMED", "CANCELLED"], cancelled.GetProperty("changeDecisions").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", noticeOnCancelled.ErrorCode());
    }

    [Fact]
    public async Task A_completed_project_is_closed_out_with_who_and_why_once_its_notice_is_closed()
    {
        var (client, id) = await TenantAsync(factory);
        var targets = (await ReadAsync(client, id)).GetProperty("indicators").EnumerateArray().ToList();
        const string CloseOut = "mutation($id: ID!) { closeOutProject(input: { projectId: $id, note: \"12月验收合格，统计局认定完成\" }) { state closedOutBy closureNote } }";
        var tooEarly = await client.PostAsync(CloseOut, new { id });

        // December's report reaches every target, signed off by the unit head.
        var report = (await client.QueryAsync("mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }", new { input = new {
            projectId = id, period = "2024-12", progress = "全部完成",
            actuals = targets.Select(t => new { indicatorId = t.GetProperty("id").GetString(), value = t.GetProperty("targetValue").GetDecimal() }).ToArray() } }))
            .GetProperty("saveReportDraft").GetProperty("id").GetString();
        await client.QueryAsync("mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", new { id = report });
        await client.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id = report });
        var notice = (await client.QueryAsync("""
            mutation($id: ID!) { issueSupervisionNotice(input: { projectId: $id, problem: "验收资料不全", requirement: "补齐资料", rectifyBy: "2099-01-01" }) { id } }
            """, new { id })).GetProperty("issueSupervisionNotice").GetProperty("id").GetString();
        var whileOpen = await client.PostAsync(CloseOut, new { id });
        await client.QueryAsync("mutation($id: ID!) { acknowledgeSupervisionNotice(input: { id: $id }) { id } }", new { id = notice });
        await client.QueryAsync("mutation($id: ID!) { replyToSupervisionNotice(input: { id: $id, measures: \"资料已补齐\" }) { id } }", new { id = notice });
        await client.QueryAsync("mutation($id: ID!) { reviewSupervisionNotice(input: { id: $id, outcome: CLOSE, comment: \"复核通过\" }) { id } }", new { id = notice });
        var closedOut = (await client.QueryAsync(CloseOut, new { id })).GetProperty("closeOutProject");
        var twice = await client.PostAsync(CloseOut, new { id });
        var assessed = await ReadAsync(client, id);

        Assert.Equal("ILLEGAL_TRANSITION", tooEarly.ErrorCode());
        Assert.Equal("ILLEGAL_TRANSITION", whileOpen.ErrorCode());
        Assert.Contains("open", whileOpen.ErrorMessage());
        Assert.Equal(("CLOSED_OUT", "development", "12月验收合格，统计局认定完成"), (closedOut.GetProperty("state").GetString(),
            closedOut.GetProperty("closedOutBy").GetString(), closedOut.GetProperty("closureNote").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", twice.ErrorCode());
        Assert.Equal("COMPLETED", assessed.GetProperty("assessment").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_notice_and_a_close_out_of_one_project_at_once_cannot_both_succeed()
    {
        var (client, id) = await TenantAsync(factory);
        var targets = (await ReadAsync(client, id)).GetProperty("indicators").EnumerateArray().ToList();
        var report = (await client.QueryAsync("mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }", new { input = new {
            projectId = id, period = "2024-12", progress = "全部完成",
            actuals = targets.Select(t => new { indicatorId = t.GetProperty("id").GetString(), value = t.GetProperty("targetValue").GetDecimal() }).ToArray() } }))
            .GetProperty("saveReportDraft").GetProperty("id").GetString();
        await client.QueryAsync("mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", new { id = report });
        await client.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id = report });

        var results = await Task.WhenAll(
            client.PostAsync("""
                mutation($id: ID!) { issueSupervisionNotice(input: { projectId: $id, problem: "资料不全", requirement: "补齐", rectifyBy: "2099-01-01" }) { id } }
                """, new { id }),
            client.PostAsync("mutation($id: ID!) { closeOutProject(input: { projectId: $id, note: \"验收合格\" }) { state } }", new { id }));

        // One wins; the other is refused for the state the winner left (an open notice, or a closed-out project).
        Assert.Equal(1, results.Count(r => !r.HasErrors));
        Assert.Equal("ILLEGAL_TRANSITION", results.Single(r => r.HasErrors).ErrorCode());
    }
}
