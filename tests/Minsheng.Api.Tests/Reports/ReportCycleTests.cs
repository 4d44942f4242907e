using System.Text.Json;
using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Reports;

/// <summary>
/// Issue #17 §1, in Production with the real roles: the lead unit's clerk drafts and submits a month's report, its
/// head signs it off or returns it, the supervision office accepts it (then the month is locked) or returns it with
/// a reason. Illegal steps get ILLEGAL_TRANSITION; people of other units and other roles are refused; two people
/// acting on one report at once cannot both win; every step is in the audit trail with its actor.
/// </summary>
public sealed class ReportCycleTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Fields = "id status submittedBy approvedBy acceptedBy returnReason actuals { value }";

    /// <summary>A project the demo clerk's unit leads, with one of its targets.</summary>
    private async Task<(string Project, string Target)> ClerksProjectAsync(GraphQLClient clerk)
    {
        var unitId = (Guid)(await factory.OwnerScalarAsync(
            "SELECT uu.unit_id FROM identity_user_units uu JOIN identity_users u ON u.id = uu.user_id WHERE u.user_name = '411302-unit-clerk'"))!;
        var projectId = (Guid)(await factory.OwnerScalarAsync($"""
            SELECT pu.project_id FROM project_units pu JOIN indicators i ON i.project_id = pu.project_id
            JOIN projects p ON p.id = pu.project_id AND p.parent_id IS NULL
            WHERE pu.unit_id = '{unitId}' AND pu.role = 'Lead' ORDER BY pu.project_id LIMIT 1
            """))!;
        var project = Minsheng.GraphQL.Abstractions.GlobalId.Encode("Project", projectId);
        var target = (await clerk.QueryAsync("query($id: ID!) { project(id: $id) { indicators { id } } }", new { id = project }))
            .GetProperty("project").GetProperty("indicators")[0].GetProperty("id").GetString()!;
        return (project, target);
    }

    private static string Step(string mutation, string input = "{ id: $id }") => $"mutation($id: ID!) {{ {mutation}(input: {input}) {{ {Fields} }} }}";

    [Fact]
    public async Task A_month_goes_from_draft_through_a_return_to_accepted_and_is_then_locked()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var office = await factory.SignedInAsync("411302-supervisor");
        var viewer = await factory.SignedInAsync("411302-viewer");
        var (project, target) = await ClerksProjectAsync(clerk);
        const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { " + Fields + " } }";
        object Draft(string progress, decimal value) => new { input = new { projectId = project, period = "2025-01", progress, problems = "资金到位慢", nextSteps = "加快施工", actuals = new[] { new { indicatorId = target, value } } } };

        var draft = (await clerk.QueryAsync(Save, Draft("已完成选址", 3))).GetProperty("saveReportDraft");
        var id = draft.GetProperty("id").GetString();
        var byViewer = await viewer.PostAsync(Save, Draft("查看员不能写", 1));
        var approveDraft = await head.PostAsync(Step("approveReport"), new { id });
        var submitted = (await clerk.QueryAsync(Step("submitReport"), new { id })).GetProperty("submitReport");
        var signedOff = (await head.QueryAsync(Step("approveReport"), new { id })).GetProperty("approveReport");
        var returned = (await office.QueryAsync(Step("returnReport", "{ id: $id, reason: \"数据与台账不符，请核实\" }"), new { id })).GetProperty("returnReport");
        var approveReturned = await head.PostAsync(Step("approveReport"), new { id });
        var corrected = (await clerk.QueryAsync(Save, Draft("已完成选址并开工", 4))).GetProperty("saveReportDraft");
        await clerk.QueryAsync(Step("submitReport"), new { id });
        await head.QueryAsync(Step("approveReport"), new { id });
        var headAccepts = await head.PostAsync(Step("acceptReport"), new { id });
        var accepted = (await office.QueryAsync(Step("acceptReport"), new { id })).GetProperty("acceptReport");
        var editLocked = await clerk.PostAsync(Save, Draft("验收后再改", 5));
        var returnLocked = await office.PostAsync(Step("returnReport", "{ id: $id, reason: \"再退一次\" }"), new { id });

        Assert.Equal("DRAFT", draft.GetProperty("status").GetString());
        Assert.Equal("FORBIDDEN", byViewer.ErrorCode());
        Assert.Equal("ILLEGAL_TRANSITION", approveDraft.ErrorCode());
        Assert.Equal(("SUBMITTED", "user:411302-unit-clerk"), (submitted.GetProperty("status").GetString(), submitted.GetProperty("submittedBy").GetString()));
        Assert.Equal(("APPROVED", "user:411302-unit-head"), (signedOff.GetProperty("status").GetString(), signedOff.GetProperty("approvedBy").GetString()));
        Assert.Equal(("RETURNED", "数据与台账不符，请核实"), (returned.GetProperty("status").GetString(), returned.GetProperty("returnReason").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", approveReturned.ErrorCode());
        Assert.Equal(4m, corrected.GetProperty("actuals")[0].GetProperty("value").GetDecimal());
        Assert.Equal("FORBIDDEN", headAccepts.ErrorCode());
        Assert.Equal(("ACCEPTED", "user:411302-supervisor"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("acceptedBy").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", editLocked.ErrorCode());
        Assert.Equal("ILLEGAL_TRANSITION", returnLocked.ErrorCode());
        Assert.Equal(
            "draft user:411302-unit-clerk|submit user:411302-unit-clerk|approve user:411302-unit-head|return user:411302-supervisor|" +
            "edit user:411302-unit-clerk|submit user:411302-unit-clerk|approve user:411302-unit-head|accept user:411302-supervisor",
            await factory.OwnerScalarAsync($"""
                SELECT string_agg(action || ' ' || actor, '|' ORDER BY at, id) FROM audit_entries
                WHERE entity_type = 'ProgressReport' AND entity_id = '{Minsheng.GraphQL.Abstractions.GlobalId.Expect(id, "ProgressReport", "id")}'
                """));

        // The same trail through GraphQL, for the supervision office: newest first, paged by time; not for a viewer.
        const string Trail = "query($id: ID!, $before: DateTimeOffset) { auditTrail(entityId: $id, first: 3, before: $before) { action actor entityId at after } }";
        var newest = (await office.QueryAsync(Trail, new { id, before = (string?)null })).GetProperty("auditTrail");
        var older = (await office.QueryAsync(Trail, new { id, before = newest[2].GetProperty("at").GetString() })).GetProperty("auditTrail");
        var byViewer2 = await viewer.PostAsync("{ auditTrail { action } }");
        Assert.Equal(["accept", "approve", "submit"], newest.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["edit", "return", "approve"], older.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(newest.EnumerateArray(), e => Assert.Equal(id, e.GetProperty("entityId").GetString()));
        Assert.Contains("\"Accepted\"", newest[0].GetProperty("after").GetString());
        Assert.Equal("FORBIDDEN", byViewer2.ErrorCode());
    }

    [Fact]
    public async Task Each_steps_payload_is_the_report_as_stored_though_it_is_not_read_back()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var (project, target) = await ClerksProjectAsync(clerk);
        const string All = "id period status progress problems nextSteps investmentCompletedYuan submittedAt submittedBy approvedBy approvedAt " +
            "acceptedBy acceptedAt returnedBy returnedAt returnReason actuals { value }";
        const string Read = "query($id: ID!) { node(id: $id) { ... on ProgressReport { " + All + " } } }";

        var saved = await clerk.PostAsync("mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { " + All + " } }",
            new { input = new { projectId = project, period = "2025-03", progress = "主体完工", investmentCompletedYuan = 1234567.89m, actuals = new[] { new { indicatorId = target, value = 2 } } } });
        var id = saved.Data.GetProperty("saveReportDraft").GetProperty("id").GetString();
        var afterSave = (await clerk.QueryAsync(Read, new { id })).GetProperty("node");
        var submitted = await clerk.PostAsync($"mutation($id: ID!) {{ submitReport(input: {{ id: $id }}) {{ {All} }} }}", new { id });
        var afterSubmit = (await clerk.QueryAsync(Read, new { id })).GetProperty("node");
        var approved = await head.PostAsync($"mutation($id: ID!) {{ approveReport(input: {{ id: $id }}) {{ {All} }} }}", new { id });
        var afterApprove = (await head.QueryAsync(Read, new { id })).GetProperty("node");

        Assert.Equal(afterSave.GetRawText(), saved.Data.GetProperty("saveReportDraft").GetRawText());
        Assert.Equal(afterSubmit.GetRawText(), submitted.Data.GetProperty("submitReport").GetRawText());
        Assert.Equal(afterApprove.GetRawText(), approved.Data.GetProperty("approveReport").GetRawText());
        Assert.Equal("APPROVED", afterApprove.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, afterApprove.GetProperty("approvedAt").ValueKind);
    }

    [Fact]
    public async Task A_report_written_and_submitted_in_one_step_is_audited_as_both_and_refused_whole()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var viewer = await factory.SignedInAsync("411302-viewer");
        var (project, target) = await ClerksProjectAsync(clerk);
        const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { " + Fields + " submittedAt } }";
        object Filed(string period, string indicator) => new { input = new { projectId = project, period, progress = "按计划推进", submit = true,
            actuals = new[] { new { indicatorId = indicator, value = 7 } } } };

        var filed = (await clerk.QueryAsync(Save, Filed("2025-04", target))).GetProperty("saveReportDraft");
        var again = await clerk.PostAsync(Save, Filed("2025-04", target));
        var byViewer = await viewer.PostAsync(Save, Filed("2025-05", target));
        var strangerTarget = await clerk.PostAsync(Save, Filed("2025-06", Minsheng.GraphQL.Abstractions.GlobalId.Encode("Indicator", Guid.NewGuid())));

        Assert.Equal(("SUBMITTED", "user:411302-unit-clerk"), (filed.GetProperty("status").GetString(), filed.GetProperty("submittedBy").GetString()));
        Assert.Equal(7m, filed.GetProperty("actuals")[0].GetProperty("value").GetDecimal());
        // A submitted month is no longer the clerk's to edit or submit again.
        Assert.Equal("ILLEGAL_TRANSITION", again.ErrorCode());
        Assert.Equal("FORBIDDEN", byViewer.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", strangerTarget.ErrorCode());
        var reportId = Minsheng.GraphQL.Abstractions.GlobalId.Expect(filed.GetProperty("id").GetString(), "ProgressReport", "id");
        Assert.Equal("draft|submit", await factory.OwnerScalarAsync(
            $"SELECT string_agg(action, '|' ORDER BY at, id) FROM audit_entries WHERE entity_type = 'ProgressReport' AND entity_id = '{reportId}'"));
        // Nothing half-written: the refused months left no report behind.
        Assert.Equal(0L, await factory.OwnerScalarAsync($"""
            SELECT count(*) FROM progress_reports WHERE project_id = '{Minsheng.GraphQL.Abstractions.GlobalId.Expect(project, "Project", "id")}'
              AND period IN (DATE '2025-05-01', DATE '2025-06-01')
            """));
    }

    [Fact]
    public async Task Only_the_lead_units_people_act_and_two_sign_offs_at_once_cannot_both_win()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var admin = await factory.SignedInAsync("411302-tenant-admin");
        var (project, _) = await ClerksProjectAsync(clerk);
        // A clerk of another unit (one that does not lead this project).
        var leadUnits = (await clerk.QueryAsync("query($id: ID!) { project(id: $id) { leadUnits { id } } }", new { id = project }))
            .GetProperty("project").GetProperty("leadUnits").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToHashSet();
        var otherUnit = (await admin.QueryAsync("{ units { id } }")).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()!)
            .First(u => !leadUnits.Contains(u));
        await admin.QueryAsync("mutation($u: ID!) { createUser(input: { userName: \"other-clerk\", displayName: \"别的科员\", password: \"clerk-2026\", roles: [\"unit_clerk\"], unitIds: [$u] }) { id } }",
            new { u = otherUnit });
        var otherClerk = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("other-clerk", "clerk-2026")).AccessToken);
        const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }";

        var refused = await otherClerk.PostAsync(Save, new { input = new { projectId = project, period = "2025-02", progress = "越权" } });
        var id = (await clerk.QueryAsync(Save, new { input = new { projectId = project, period = "2025-02", progress = "二月进展" } }))
            .GetProperty("saveReportDraft").GetProperty("id").GetString();
        await clerk.QueryAsync(Step("submitReport"), new { id });
        var race = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => head.PostAsync(Step("approveReport"), new { id })));

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Single(race, r => !r.HasErrors);
        Assert.All(race.Where(r => r.HasErrors), r => Assert.Contains(r.ErrorCode(), new[] { "CONFLICT", "ILLEGAL_TRANSITION" }));
        Assert.Equal(1L, await factory.OwnerScalarAsync($"""
            SELECT count(*) FROM audit_entries WHERE action = 'approve' AND entity_id = '{Minsheng.GraphQL.Abstractions.GlobalId.Expect(id, "ProgressReport", "id")}'
            """));
    }

    [Fact]
    public async Task Overdue_reports_follow_the_tenants_due_day()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var admin = await factory.SignedInAsync("411302-tenant-admin");
        var office = await factory.SignedInAsync("411302-supervisor");
        var (project, _) = await ClerksProjectAsync(clerk);
        var projectId = Minsheng.GraphQL.Abstractions.GlobalId.Expect(project, "Project", "id");
        // February accepted, March left as a draft, April never started.
        await factory.OwnerScalarAsync($"""
            UPDATE progress_reports SET status = 'Accepted' WHERE project_id = '{projectId}' AND period = '2024-02-01';
            UPDATE progress_reports SET status = 'Draft' WHERE project_id = '{projectId}' AND period = '2024-03-01';
            DELETE FROM report_actuals WHERE report_id IN (SELECT id FROM progress_reports WHERE project_id = '{projectId}' AND period = '2024-04-01');
            DELETE FROM progress_reports WHERE project_id = '{projectId}' AND period = '2024-04-01';
            """);
        const string Configure = "mutation { configureReporting(input: { dueDay: 10 }) { dueDay } }";
        const string Overdue = "query($asOf: DateOnly!) { overdueReports(asOf: $asOf) { project { id } period dueOn status } }";

        var refused = await office.PostAsync(Configure);
        var configured = (await admin.QueryAsync(Configure)).GetProperty("configureReporting").GetProperty("dueDay").GetInt32();
        string[] Months(System.Text.Json.JsonElement data) => [.. data.GetProperty("overdueReports").EnumerateArray()
            .Where(o => o.GetProperty("project").GetProperty("id").GetString() == project)
            .Select(o => $"{o.GetProperty("period").GetString()} {o.GetProperty("dueOn").GetString()} {(o.GetProperty("status").ValueKind == System.Text.Json.JsonValueKind.Null ? "-" : o.GetProperty("status").GetString())}")
            .Where(m => string.CompareOrdinal(m, "2024-02") >= 0 && string.CompareOrdinal(m, "2024-05") < 0)];
        var afterDue = Months(await office.QueryAsync(Overdue, new { asOf = "2024-05-11" }));
        var onDueDay = Months(await office.QueryAsync(Overdue, new { asOf = "2024-05-10" }));

        Assert.Equal("FORBIDDEN", refused.ErrorCode());
        Assert.Equal(10, configured);
        Assert.Equal(["2024-03 2024-04-10 DRAFT", "2024-04 2024-05-10 -"], afterDue);
        Assert.Equal(["2024-03 2024-04-10 DRAFT"], onDueDay);
    }

    [Fact]
    public async Task Milestones_are_marked_achieved_with_evidence_and_a_missed_one_is_told_from_its_last_allowed_day()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var viewer = await factory.SignedInAsync("411302-viewer");
        var (project, _) = await ClerksProjectAsync(clerk);
        var milestones = (await clerk.QueryAsync("query($id: ID!) { project(id: $id) { milestones { id due { date } } } }", new { id = project }))
            .GetProperty("project").GetProperty("milestones").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetString()!, Due: DateOnly.Parse(m.GetProperty("due").GetProperty("date").GetString()!))).OrderBy(m => m.Due).ToList();
        var (first, last) = (milestones[0], milestones[^1]);
        const string Mark = "mutation($id: ID!, $on: DateOnly!, $evidence: String!) { markMilestoneAchieved(input: { id: $id, achievedOn: $on, evidence: $evidence }) { achievedOn achievedBy evidence } }";
        const string State = "query($id: ID!, $asOf: DateOnly) { node(id: $id) { ... on Milestone { state(asOf: $asOf) } } }";
        async Task<string> StateAsync(string id, DateOnly asOf) =>
            (await clerk.QueryAsync(State, new { id, asOf = asOf.ToString("yyyy-MM-dd") })).GetProperty("node").GetProperty("state").GetString()!;

        var byViewer = await viewer.PostAsync(Mark, new { id = first.Id, on = first.Due.ToString("yyyy-MM-dd"), evidence = "验收记录" });
        var noEvidence = await clerk.PostAsync(Mark, new { id = first.Id, on = first.Due.ToString("yyyy-MM-dd"), evidence = " " });
        var marked = (await clerk.QueryAsync(Mark, new { id = first.Id, on = first.Due.ToString("yyyy-MM-dd"), evidence = "区教育局验收记录 2024-3号" }))
            .GetProperty("markMilestoneAchieved");
        var beforeDue = await StateAsync(last.Id, last.Due);
        var afterDue = await StateAsync(last.Id, last.Due.AddDays(1));
        await clerk.QueryAsync(Mark, new { id = last.Id, on = last.Due.AddDays(5).ToString("yyyy-MM-dd"), evidence = "延期完成，见整改报告" });

        Assert.Equal("FORBIDDEN", byViewer.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", noEvidence.ErrorCode());
        Assert.Equal(("user:411302-unit-clerk", "区教育局验收记录 2024-3号"), (marked.GetProperty("achievedBy").GetString(), marked.GetProperty("evidence").GetString()));
        Assert.Equal("ACHIEVED", await StateAsync(first.Id, first.Due.AddDays(30)));
        Assert.Equal("PENDING", beforeDue);
        Assert.Equal("MISSED", afterDue);
        Assert.Equal("ACHIEVED_LATE", await StateAsync(last.Id, last.Due.AddDays(30)));
    }
}
