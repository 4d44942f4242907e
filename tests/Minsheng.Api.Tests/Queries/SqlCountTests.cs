using Minsheng.Testing;

namespace Minsheng.Api.Tests.Queries;

/// <summary>
/// A page of projects with targets, milestones, units and latest report costs a fixed number of SQL round
/// trips and statements, whatever the page size: one batch for the page, its count and everything it shows.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SqlCountTests(ApiFactory factory)
{
    private const string Page = """
        query($first: Int!) { projects(first: $first) { totalCount edges { node {
          name category leadUnit { name } coUnits { name } certificationUnits { name }
          indicators { label targetValue unit } milestones { text due { date } } latestReport { period status } } } } }
        """;

    [Fact]
    public async Task A_page_costs_the_same_round_trips_for_1_5_and_20_projects()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 30);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var one = await client.PostAsync(Page, new { first = 1 });
        var five = await client.PostAsync(Page, new { first = 5 });
        var twenty = await client.PostAsync(Page, new { first = 20 });

        Assert.False(twenty.HasErrors, twenty.Body.ToString());
        Assert.Equal(20, twenty.Data.GetProperty("projects").GetProperty("edges").GetArrayLength());
        Assert.Equal(30, twenty.Data.GetProperty("projects").GetProperty("totalCount").GetInt32());
        // One round trip: page, count, and the units, indicators, milestones and latest reports of the page's projects
        // (loaded along with the page). The trip is one transaction: BEGIN, SET LOCAL of the tenant, the queries, COMMIT.
        Assert.Equal(1, twenty.SqlRoundTrips);
        Assert.Equal(2 + 4, twenty.SqlStatements);
        Assert.Equal(twenty.SqlRoundTrips, five.SqlRoundTrips);
        Assert.Equal(twenty.SqlRoundTrips, one.SqlRoundTrips);
        Assert.Equal(twenty.SqlStatements, five.SqlStatements);
    }

    [Fact]
    public async Task The_supervision_page_with_lights_notices_and_decisions_is_still_one_round_trip()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 30, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);
        const string Supervision = """
            query($first: Int!) { projects(first: $first) { totalCount nodes { name state leadUnit { name } latestReport { period status }
              assessment { status light reasons { code } } lightHistory { light since } supervisionNotices { number status } changeDecisions { kind } } } }
            """;

        // The first page works today's assessments out (one more round trip) and offers them to the store; once stored,
        // a page reads them along with everything else.
        var cold = await client.PostAsync(Supervision, new { first = 20 });
        Assert.Equal(2, cold.SqlRoundTrips);
        var five = await client.PostUntilOneRoundTripAsync(Supervision, new { first = 5 });
        var twenty = await client.PostAsync(Supervision, new { first = 20 });

        Assert.False(twenty.HasErrors, twenty.Body.ToString());
        Assert.Contains(twenty.Data.GetProperty("projects").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("supervisionNotices").GetArrayLength() > 0);
        Assert.Equal((1, 1), (five.SqlRoundTrips, twenty.SqlRoundTrips));
        Assert.Equal(five.SqlStatements, twenty.SqlStatements);
    }

    [Fact]
    public async Task Nested_levels_add_one_round_trip_each_not_one_per_row()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 20);
        var client = factory.Client(tenant.Tenant.RegionCode);

        // The page and its projects' indicators and milestones: one trip. Level 3 (each indicator's project, each
        // milestone's indicator): one more.
        var response = await client.PostAsync("""
            { projects(first: 20) { edges { node { indicators { project { name } } milestones { indicator { label } } } } } }
            """);

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(2, response.SqlRoundTrips);
    }
}
