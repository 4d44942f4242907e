using System.Text.Json;
using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;
using Minsheng.GraphQL.Abstractions;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// Issue #17 §4 in Production with the real roles: the supervision office issues a 督办 notice, the lead unit signs for it
/// and replies, the office re-checks and escalates it (a notice of the next level takes its place) or closes it. Steps out
/// of order get ILLEGAL_TRANSITION, other roles and other units FORBIDDEN; the rules propose candidates; overdue notices
/// are listed; every step is audited with its actor.
/// </summary>
public sealed class SupervisionLoopTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Fields = "id number level status rectifyBy acknowledgedBy measures repliedBy reviewComment reviewedBy previous { id status }";

    /// <summary>A top-level project the demo clerk's unit leads (or, with <paramref name="led"/> false, one it does not).</summary>
    private async Task<string> ProjectAsync(bool led, int skip = 0)
    {
        var id = (Guid)(await factory.OwnerScalarAsync($"""
            SELECT p.id FROM projects p JOIN tenants t ON t.id = p.tenant_id AND t.region_code = '411302'
            WHERE p.parent_id IS NULL AND p.state = 'Active' AND {(led ? "" : "NOT")} EXISTS (
              SELECT 1 FROM project_units pu JOIN identity_user_units uu ON uu.unit_id = pu.unit_id JOIN identity_users u ON u.id = uu.user_id
              WHERE pu.project_id = p.id AND pu.role = 'Lead' AND u.user_name = '411302-unit-clerk')
              AND NOT EXISTS (SELECT 1 FROM supervision_notices n WHERE n.project_id = p.id)
            ORDER BY p.sort_order OFFSET {skip} LIMIT 1
            """))!;
        return GlobalId.Encode("Project", id);
    }

    private static string Issue(string rectifyBy) => $$"""
        mutation($project: ID!) { issueSupervisionNotice(input: { projectId: $project, problem: "5月报告未报送，进度落后30个百分点",
          requirement: "6月底前完成主体施工并补报月报", rectifyBy: "{{rectifyBy}}" }) { {{Fields}} } }
        """;

    private static string Step(string mutation, string input = "{ id: $id }") => $"mutation($id: ID!) {{ {mutation}(input: {input}) {{ {Fields} }} }}";

    private static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_notice_is_signed_for_answered_escalated_and_the_escalation_closed()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var viewer = await factory.SignedInAsync("411302-viewer");
        var project = await ProjectAsync(led: true);

        var byClerk = await clerk.PostAsync(Issue(Day(20)), new { project });
        var byViewer = await viewer.PostAsync(Issue(Day(20)), new { project });
        var pastDeadline = await office.PostAsync(Issue("2020-01-01"), new { project });
        var issued = (await office.QueryAsync(Issue(Day(20)), new { project })).GetProperty("issueSupervisionNotice");
        var id = issued.GetProperty("id").GetString();
        var second = await office.PostAsync(Issue(Day(30)), new { project });
        var replyFirst = await head.PostAsync(Step("replyToSupervisionNotice", "{ id: $id, measures: \"已整改\" }"), new { id });
        var officeSigns = await office.PostAsync(Step("acknowledgeSupervisionNotice"), new { id });
        var signed = (await clerk.QueryAsync(Step("acknowledgeSupervisionNotice"), new { id })).GetProperty("acknowledgeSupervisionNotice");
        var closeUnanswered = await office.PostAsync(Step("reviewSupervisionNotice", "{ id: $id, outcome: CLOSE, comment: \"未反馈\" }"), new { id });
        var replied = (await head.QueryAsync(Step("replyToSupervisionNotice", "{ id: $id, measures: \"已增派施工队伍，6月20日完成主体\" }"), new { id }))
            .GetProperty("replyToSupervisionNotice");
        var clerkReviews = await clerk.PostAsync(Step("reviewSupervisionNotice", "{ id: $id, outcome: CLOSE, comment: \"自己复核\" }"), new { id });
        var escalateWithoutDeadline = await office.PostAsync(Step("reviewSupervisionNotice", "{ id: $id, outcome: ESCALATE, comment: \"现场核查未完成\" }"), new { id });
        var escalation = (await office.QueryAsync(Step("reviewSupervisionNotice", $"{{ id: $id, outcome: ESCALATE, comment: \"现场核查主体未完成\", rectifyBy: \"{Day(40)}\" }}"), new { id }))
            .GetProperty("reviewSupervisionNotice");
        var next = escalation.GetProperty("id").GetString();
        await clerk.QueryAsync(Step("acknowledgeSupervisionNotice"), new { id = next });
        await clerk.QueryAsync(Step("replyToSupervisionNotice", "{ id: $id, measures: \"主体已完成，附验收记录\" }"), new { id = next });
        var closed = (await office.QueryAsync(Step("reviewSupervisionNotice", "{ id: $id, outcome: CLOSE, comment: \"复核通过\" }"), new { id = next }))
            .GetProperty("reviewSupervisionNotice");
        var reopen = await clerk.PostAsync(Step("replyToSupervisionNotice", "{ id: $id, measures: \"再改\" }"), new { id = next });

        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "BAD_USER_INPUT"], new[] { byClerk.ErrorCode(), byViewer.ErrorCode(), pastDeadline.ErrorCode() });
        Assert.Equal(("ISSUED", 1), (issued.GetProperty("status").GetString(), issued.GetProperty("level").GetInt32()));
        Assert.Matches(@"^督办〔2024〕\d+号$", issued.GetProperty("number").GetString());
        Assert.Equal("CONFLICT", second.ErrorCode());
        Assert.Equal("ILLEGAL_TRANSITION", replyFirst.ErrorCode());
        Assert.Equal("FORBIDDEN", officeSigns.ErrorCode());
        Assert.Equal(("ACKNOWLEDGED", "user:411302-unit-clerk"), (signed.GetProperty("status").GetString(), signed.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", closeUnanswered.ErrorCode());
        Assert.Equal(("REPLIED", "user:411302-unit-head"), (replied.GetProperty("status").GetString(), replied.GetProperty("repliedBy").GetString()));
        Assert.Equal("FORBIDDEN", clerkReviews.ErrorCode());
        Assert.Equal(("BAD_USER_INPUT", "rectifyBy"), (escalateWithoutDeadline.ErrorCode(), escalateWithoutDeadline.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString()));
        Assert.Equal(("ISSUED", 2, id, "ESCALATED"), (escalation.GetProperty("status").GetString(), escalation.GetProperty("level").GetInt32(),
            escalation.GetProperty("previous").GetProperty("id").GetString(), escalation.GetProperty("previous").GetProperty("status").GetString()));
        Assert.Equal(("CLOSED", "复核通过", "user:411302-supervisor"), (closed.GetProperty("status").GetString(), closed.GetProperty("reviewComment").GetString(),
            closed.GetProperty("reviewedBy").GetString()));
        Assert.Equal("ILLEGAL_TRANSITION", reopen.ErrorCode());

        // The project shows both notices in order; the office lists them by status; the audit trail has every step's actor.
        var onProject = (await viewer.QueryAsync("query($p: ID!) { project(id: $p) { supervisionNotices { id status level } } }", new { p = project }))
            .GetProperty("project").GetProperty("supervisionNotices").EnumerateArray().Select(n => (n.GetProperty("id").GetString(), n.GetProperty("status").GetString())).ToList();
        Assert.Equal([(id, "ESCALATED"), (next, "CLOSED")], onProject);
        var closedList = (await office.QueryAsync("{ supervisionNotices(status: CLOSED) { id } }")).GetProperty("supervisionNotices").EnumerateArray()
            .Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains(next, closedList);
        Assert.DoesNotContain(id, closedList);
        Assert.Equal("issue user:411302-supervisor|acknowledge user:411302-unit-clerk|reply user:411302-unit-head|escalate user:411302-supervisor",
            await factory.OwnerScalarAsync($"""
                SELECT string_agg(action || ' ' || actor, '|' ORDER BY at, id) FROM audit_entries
                WHERE entity_type = 'SupervisionNotice' AND entity_id = '{GlobalId.Expect(id, "SupervisionNotice", "id")}'
                """));
    }

    [Fact]
    public async Task Another_units_notice_is_not_the_clerks_to_answer_and_an_unanswered_one_becomes_overdue()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var project = await ProjectAsync(led: false);
        var id = (await office.QueryAsync(Issue(Day(3)), new { project })).GetProperty("issueSupervisionNotice").GetProperty("id").GetString();

        var notHis = await clerk.PostAsync(Step("acknowledgeSupervisionNotice"), new { id });
        var overdue = (await office.QueryAsync($"{{ supervisionNotices(overdueOn: \"{Day(10)}\") {{ id overdue(asOf: \"{Day(10)}\") }} }}"))
            .GetProperty("supervisionNotices").EnumerateArray().ToList();
        var notYet = (await office.QueryAsync($"{{ supervisionNotices(overdueOn: \"{Day(2)}\") {{ id }} }}"))
            .GetProperty("supervisionNotices").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        // Unanswered past its deadline, the office escalates without waiting for a reply.
        var escalated = (await office.QueryAsync(Step("reviewSupervisionNotice", $"{{ id: $id, outcome: ESCALATE, comment: \"逾期未反馈\", rectifyBy: \"{Day(15)}\" }}"), new { id }))
            .GetProperty("reviewSupervisionNotice");

        Assert.Equal("FORBIDDEN", notHis.ErrorCode());
        Assert.Contains(overdue, n => n.GetProperty("id").GetString() == id && n.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(id, notYet);
        Assert.Equal((2, "ISSUED"), (escalated.GetProperty("level").GetInt32(), escalated.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_rules_propose_projects_red_long_enough_and_stop_proposing_one_under_supervision()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        // The history makes "red since": recorded on 1 June, still red on 20 June is red for 19 days (the default proposes after 14).
        await office.QueryAsync("mutation { recordLights(input: { asOf: \"2024-06-01\" }) { assessed } }");
        const string Candidates = "{ supervisionCandidates(asOf: \"2024-06-20\") { project { id state } assessment { light lightSince supervisionSuggested } } }";
        var candidates = (await office.QueryAsync(Candidates)).GetProperty("supervisionCandidates").EnumerateArray().ToList();

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            Assert.Equal(("RED", true, "ACTIVE"), (c.GetProperty("assessment").GetProperty("light").GetString(),
                c.GetProperty("assessment").GetProperty("supervisionSuggested").GetBoolean(), c.GetProperty("project").GetProperty("state").GetString()));
            Assert.True(DateOnly.Parse(c.GetProperty("assessment").GetProperty("lightSince").GetString()!) <= new DateOnly(2024, 6, 6));
        });

        var first = candidates[0].GetProperty("project").GetProperty("id").GetString();
        await office.QueryAsync(Issue(Day(20)), new { project = first });
        var after = (await office.QueryAsync(Candidates)).GetProperty("supervisionCandidates").EnumerateArray()
            .Select(c => c.GetProperty("project").GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(first, after);
        Assert.Equal(candidates.Count - 1, after.Count);
    }

    [Fact]
    public async Task Only_the_office_closes_out_and_only_a_completed_project()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var project = (await office.QueryAsync("{ projects(first: 50) { nodes { id assessment { status } } } }")).GetProperty("projects").GetProperty("nodes")
            .EnumerateArray().First(n => n.GetProperty("assessment").GetProperty("status").GetString() is not ("COMPLETED" or "EXCEEDED")).GetProperty("id").GetString();
        const string CloseOut = "mutation($p: ID!) { closeOutProject(input: { projectId: $p, note: \"已验收\" }) { state closedOutBy } }";

        var byClerk = await clerk.PostAsync(CloseOut, new { p = project });
        var notCompleted = await office.PostAsync(CloseOut, new { p = project });

        Assert.Equal("FORBIDDEN", byClerk.ErrorCode());
        Assert.Equal("ILLEGAL_TRANSITION", notCompleted.ErrorCode());
        Assert.Contains("completed", notCompleted.ErrorMessage());
    }
}
