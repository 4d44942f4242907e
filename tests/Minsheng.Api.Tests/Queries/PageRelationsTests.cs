using System.Text.Json;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Queries;

/// <summary>
/// A page loads what it shows of its projects in its own round trip (PageRelations, PendingKeys). The values must be
/// exactly those the same fields give when each project is read on its own (the ordinary loader path), however the
/// page is reached and however the fields are selected.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PageRelationsTests(ApiFactory factory)
{
    private const string Shown = """
        id name leadUnit { name } leadUnits { name } coUnits { name } certificationUnits { name }
        indicators { label targetValue unit } milestones { text } latestReport { period status } reports { period } subItems { name }
        """;

    [Theory]
    [InlineData("SEQUENCE")]
    [InlineData("NAME")]
    [InlineData("DEADLINE")]
    public async Task Every_page_shows_what_each_project_shows_on_its_own(string order)
    {
        // Reports for the first two months only: projects differ in what they have, and some lists are empty.
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 7, reportMonths: 2);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var paged = new List<JsonElement>();
        string? after = null;
        do
        {
            var response = await client.PostAsync($$"""
                query($after: String, $order: ProjectOrder) { projects(first: 3, after: $after, orderBy: $order) {
                  edges { node { {{Shown}} } } pageInfo { hasNextPage endCursor } } }
                """, new { after, order });
            Assert.False(response.HasErrors, response.Body.ToString());
            Assert.Equal(1, response.SqlRoundTrips);
            var projects = response.Data.GetProperty("projects");
            paged.AddRange(projects.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")));
            after = projects.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? projects.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(7, paged.Count);
        Assert.Contains(paged, p => p.GetProperty("latestReport").ValueKind == JsonValueKind.Object);
        foreach (var project in paged)
        {
            var alone = await client.PostAsync($$"""query($id: ID!) { node(id: $id) { ... on Project { {{Shown}} } } }""",
                new { id = project.GetProperty("id").GetString() });
            Assert.False(alone.HasErrors, alone.Body.ToString());
            Assert.Equal(alone.Data.GetProperty("node").GetRawText(), project.GetRawText());
        }
    }

    [Fact]
    public async Task Fields_reached_through_fragments_and_nodes_are_loaded_along_too()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 4);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var response = await client.PostAsync("""
            query { projects(first: 4) {
              nodes { ...Targets }
              edges { ... on ProjectEdge { node { ... on Project { latestReport { period } } } } }
            } }
            fragment Targets on Project { name indicators { label } }
            """);

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(1, response.SqlRoundTrips);
        Assert.Equal(3, response.SqlStatements); // the page, its indicators, its latest reports
        var nodes = response.Data.GetProperty("projects").GetProperty("nodes");
        Assert.Equal(4, nodes.GetArrayLength());
        Assert.All(nodes.EnumerateArray(), n => Assert.True(n.GetProperty("indicators").GetArrayLength() > 0));
    }

    [Fact]
    public async Task A_field_under_skip_costs_at_most_a_statement_never_a_wrong_answer()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var response = await client.PostAsync("""
            query($hide: Boolean!) { projects(first: 3) { nodes { name indicators @skip(if: $hide) { label } } } }
            """, new { hide = true });

        Assert.False(response.HasErrors, response.Body.ToString());
        Assert.Equal(1, response.SqlRoundTrips);
        Assert.All(response.Data.GetProperty("projects").GetProperty("nodes").EnumerateArray(),
            n => Assert.False(n.TryGetProperty("indicators", out _)));
    }

    [Fact]
    public async Task A_cached_document_answers_each_request_with_its_own_directives_and_fields()
    {
        // The execution strategy reuses what a selection set collects to, per document and type; a directive's value
        // comes from each request's variables, so it must never be reused.
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2);
        var client = factory.Client(tenant.Tenant.RegionCode);
        const string Query = """
            query($hide: Boolean!) { projects(first: 2) { nodes { name indicators @include(if: $hide) { label } ...Lead @skip(if: $hide) } } }
            fragment Lead on Project { leadUnit { name } }
            """;

        foreach (var hide in new[] { true, false, true, false })
        {
            var response = await client.PostAsync(Query, new { hide });
            Assert.False(response.HasErrors, response.Body.ToString());
            Assert.All(response.Data.GetProperty("projects").GetProperty("nodes").EnumerateArray(), n =>
            {
                Assert.Equal(hide, n.TryGetProperty("indicators", out _));
                Assert.Equal(!hide, n.TryGetProperty("leadUnit", out _));
                Assert.True(n.TryGetProperty("name", out _));
            });
        }

        // A document without directives, asked again and again: the same fields, in the order asked, every time.
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("query { projects(first: 2) { nodes { leadUnit { name } name n: name } } }");
            Assert.False(response.HasErrors, response.Body.ToString());
            var node = response.Data.GetProperty("projects").GetProperty("nodes")[0];
            Assert.Equal(["leadUnit", "name", "n"], node.EnumerateObject().Select(p => p.Name).ToArray());
        }
    }
}
