using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Reports;

/// <summary>
/// The review queues (issue 19's 审核 page), in Production with the real roles: every month waiting, not only each
/// project's latest; a unit head's queue holds its units' projects only; the office's the whole county's signed-off
/// reports; another county's never. Checked against the database, read past row-level security.
/// </summary>
public sealed class ReviewQueueTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Queue = "query($s: ReportStatus!) { reviewQueue(status: $s) { id period status project { id } } }";

    private static List<string> Periods(System.Text.Json.JsonElement data) =>
        data.GetProperty("reviewQueue").EnumerateArray().Select(r => r.GetProperty("period").GetString()!).ToList();

    [Fact]
    public async Task Each_step_sees_every_month_waiting_for_it_and_nothing_of_other_units_or_counties()
    {
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var office = await factory.SignedInAsync("411302-supervisor");
        var otherHead = await factory.SignedInAsync("411303-unit-head");
        var unitId = (Guid)(await factory.OwnerScalarAsync(
            "SELECT uu.unit_id FROM identity_user_units uu JOIN identity_users u ON u.id = uu.user_id WHERE u.user_name = '411302-unit-head'"))!;
        var projectId = (Guid)(await factory.OwnerScalarAsync($"""
            SELECT pu.project_id FROM project_units pu JOIN projects p ON p.id = pu.project_id AND p.parent_id IS NULL
            WHERE pu.unit_id = '{unitId}' AND pu.role = 'Lead' ORDER BY pu.project_id LIMIT 1
            """))!;
        var project = Minsheng.GraphQL.Abstractions.GlobalId.Encode("Project", projectId);
        // Two months filed and submitted: both wait, the older first.
        foreach (var period in new[] { "2025-02", "2025-01" })
            await clerk.QueryAsync("mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }",
                new { input = new { projectId = project, period, progress = "按计划推进", submit = true } });

        var headQueue = await head.QueryAsync(Queue, new { s = "SUBMITTED" });
        var officeQueue = await office.QueryAsync(Queue, new { s = "APPROVED" });
        var otherQueue = await otherHead.QueryAsync(Queue, new { s = "SUBMITTED" });
        var draftQueue = await head.PostAsync(Queue, new { s = "DRAFT" });

        var expectedForHead = (string)(await factory.OwnerScalarAsync($"""
            SELECT string_agg(to_char(r.period, 'YYYY-MM'), ',' ORDER BY r.period, r.submitted_at, r.id) FROM progress_reports r
            JOIN tenants t ON t.id = r.tenant_id AND t.region_code = '411302'
            WHERE r.status = 'Submitted' AND EXISTS (SELECT 1 FROM project_units pu WHERE pu.project_id = r.project_id AND pu.role = 'Lead' AND pu.unit_id = '{unitId}')
            """))!;
        Assert.Equal(expectedForHead, string.Join(",", Periods(headQueue)));
        var mine = headQueue.GetProperty("reviewQueue").EnumerateArray().Where(r => r.GetProperty("project").GetProperty("id").GetString() == project)
            .Select(r => r.GetProperty("period").GetString()).ToList();
        // Both new months, after any older month of the project still waiting (the demo leaves some), oldest first.
        Assert.Equal(["2025-01", "2025-02"], mine.Where(p => p!.StartsWith("2025", StringComparison.Ordinal)));
        Assert.Equal(mine.Order(StringComparer.Ordinal), mine);
        Assert.All(headQueue.GetProperty("reviewQueue").EnumerateArray(), r => Assert.Equal("SUBMITTED", r.GetProperty("status").GetString()));

        var approvedInCounty = Convert.ToInt32(await factory.OwnerScalarAsync("""
            SELECT count(*) FROM progress_reports r JOIN tenants t ON t.id = r.tenant_id AND t.region_code = '411302' WHERE r.status = 'Approved'
            """));
        Assert.True(approvedInCounty > 0, "the demo has signed-off reports waiting for the office");
        Assert.Equal(approvedInCounty, officeQueue.GetProperty("reviewQueue").GetArrayLength());

        // Another county's head: none of these.
        Assert.DoesNotContain(otherQueue.GetProperty("reviewQueue").EnumerateArray(), r => r.GetProperty("project").GetProperty("id").GetString() == project);
        var otherIds = otherQueue.GetProperty("reviewQueue").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(headQueue.GetProperty("reviewQueue").EnumerateArray(), r => otherIds.Contains(r.GetProperty("id").GetString()));

        Assert.Equal("BAD_USER_INPUT", draftQueue.ErrorCode());
    }
}
