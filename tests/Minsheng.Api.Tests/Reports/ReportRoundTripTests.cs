using Minsheng.Testing;

namespace Minsheng.Api.Tests.Reports;

/// <summary>
/// The month-end burst is thousands of clerks filing and heads signing at once (issue 17): each step costs one read and
/// one write to PostgreSQL (the commit aside), whether the month is new or has a report with figures already.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReportRoundTripTests(ApiFactory factory)
{
    private const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id status } }";

    [Fact]
    public async Task Saving_filing_and_signing_off_a_month_cost_one_read_and_one_write_each()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var project = (await client.QueryAsync("{ projects(first: 1) { nodes { id indicators { id } } } }"))
            .GetProperty("projects").GetProperty("nodes")[0];
        var projectId = project.GetProperty("id").GetString();
        var targetId = project.GetProperty("indicators")[0].GetProperty("id").GetString();
        object Draft(decimal value, bool submit) => new
        {
            input = new { projectId, period = "2025-06", progress = "按计划推进", actuals = new[] { new { indicatorId = targetId, value } }, submit },
        };

        var created = await client.PostAsync(Save, Draft(3, submit: false));
        var filed = await client.PostAsync(Save, Draft(4, submit: true));
        var id = filed.Data.GetProperty("saveReportDraft").GetProperty("id").GetString();
        var signedOff = await client.PostAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { status } }", new { id });

        Assert.False(created.HasErrors, created.Body.ToString());
        Assert.False(filed.HasErrors, filed.Body.ToString());
        Assert.False(signedOff.HasErrors, signedOff.Body.ToString());
        // The edit found the month's report and its figure in the same read, and revised the figure rather than adding one.
        Assert.Equal(created.Data.GetProperty("saveReportDraft").GetProperty("id").GetString(), id);
        Assert.Equal("SUBMITTED", filed.Data.GetProperty("saveReportDraft").GetProperty("status").GetString());
        var month = Assert.Single((await client.QueryAsync("query($id: ID!) { project(id: $id) { reports { period actuals { value } } } }", new { id = projectId }))
            .GetProperty("project").GetProperty("reports").EnumerateArray());
        Assert.Equal(4m, Assert.Single(month.GetProperty("actuals").EnumerateArray()).GetProperty("value").GetDecimal());
        Assert.Equal("APPROVED", signedOff.Data.GetProperty("approveReport").GetProperty("status").GetString());
        // One read (the project, its lead units and targets, the month's report and figures) and one write (the change and
        // its audit entries); the payload is answered from what was just written. (A payload asking for the report's figures
        // would add the read of those.)
        Assert.Equal((2, 2, 2), (created.SqlRoundTrips, filed.SqlRoundTrips, signedOff.SqlRoundTrips));
    }
}
