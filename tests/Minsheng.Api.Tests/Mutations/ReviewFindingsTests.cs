using System.Text.Json;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Mutations;

/// <summary>Regressions for problems found in review: each would have failed before its fix.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewFindingsTests(ApiFactory factory)
{
    private async Task<(GraphQLClient Client, Application.Demo.DemoTenantData Tenant)> FreshTenantAsync(int projects = 3)
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects);
        return (factory.Client(tenant.Tenant.RegionCode), tenant);
    }

    private async Task<long> CountAsync(string sql, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = tenantId } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Deleting_a_plan_removes_its_projects_targets_and_linked_milestones()
    {
        var (client, tenant) = await FreshTenantAsync(projects: 4);
        Assert.True(await CountAsync("SELECT count(*) FROM milestones WHERE tenant_id = $1 AND indicator_id IS NOT NULL", tenant.Tenant.Id) > 0);
        var planId = (await client.QueryAsync("{ plans { id } }")).GetProperty("plans")[0].GetProperty("id").GetString();

        var response = await client.PostAsync("mutation($id: ID!) { deletePlan(id: $id) { deletedId } }", new { id = planId });

        // The demo plan is published with reports: deleting it is refused, and it must be a clear conflict.
        Assert.Equal("CONFLICT", response.ErrorCode());
        var draftId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2025, title: "草案" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString();
        var projectId = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "试点" }) { id } }""", new { p = draftId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        var indicatorId = (await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "改造", comparator: EXACTLY, targetValue: 10, unit: "户" }) { id } }""", new { p = projectId }))
            .GetProperty("createIndicator").GetProperty("id").GetString();
        await client.QueryAsync("""mutation($p: ID!, $i: ID!) { createMilestone(input: { projectId: $p, due: { date: "2025-06-01", precision: END_OF_MONTH }, text: "6月底完成5户", indicatorId: $i, cumulativeValue: 5 }) { id } }""",
            new { p = projectId, i = indicatorId });

        var deleted = await client.QueryAsync("mutation($id: ID!) { deletePlan(id: $id) { deletedId } }", new { id = draftId });

        Assert.Equal(draftId, deleted.GetProperty("deletePlan").GetProperty("deletedId").GetString());
        Assert.Equal(JsonValueKind.Null, (await client.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = projectId })).GetProperty("node").ValueKind);
    }

    [Theory]
    [InlineData("""mutation($id: ID!) { updatePlan(input: { id: $id, year: null }) { id } }""", "year")]
    [InlineData("""mutation($id: ID!) { updatePlan(input: { id: $id, title: null }) { id } }""", "title")]
    public async Task An_explicit_null_on_a_required_field_is_bad_input(string mutation, string field)
    {
        var (client, _) = await FreshTenantAsync();
        var planId = (await client.QueryAsync("{ plans { id } }")).GetProperty("plans")[0].GetProperty("id").GetString();

        var response = await client.PostAsync(mutation, new { id = planId });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains(field, response.ErrorMessage());
    }

    [Fact]
    public async Task Text_longer_than_its_field_is_bad_input_not_a_server_error()
    {
        var (client, _) = await FreshTenantAsync();

        var response = await client.PostAsync("mutation($n: String!) { createPlan(input: { year: 2025, title: \"x\", documentNumber: $n }) { id } }",
            new { n = new string('号', 101) });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    [Fact]
    public async Task A_command_failing_halfway_rolls_back_what_it_already_did()
    {
        var (client, _) = await FreshTenantAsync();
        var project = (await client.QueryAsync("{ projects(first: 1) { edges { node { id leadUnits { id name } } } } }"))
            .GetProperty("projects").GetProperty("edges")[0].GetProperty("node");
        var ownUnits = (await client.QueryAsync("{ units { id name } }")).GetProperty("units").EnumerateArray().ToList();
        var otherLead = ownUnits.First(u => u.GetProperty("id").GetString() != project.GetProperty("leadUnits")[0].GetProperty("id").GetString());
        var foreignUnit = (await factory.Client("411303").QueryAsync("{ units { id } }")).GetProperty("units")[0].GetProperty("id").GetString();

        // Lead units are replaced first (a write), then the co-unit from another tenant is refused.
        var response = await client.PostAsync("""
            mutation($id: ID!, $lead: ID!, $co: ID!) { updateProject(input: { id: $id, name: "改名", leadUnitIds: [$lead], coUnitIds: [$co] }) { id } }
            """, new { id = project.GetProperty("id").GetString(), lead = otherLead.GetProperty("id").GetString(), co = foreignUnit });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        var after = (await client.QueryAsync("query($id: ID!) { project(id: $id) { name leadUnits { id } } }", new { id = project.GetProperty("id").GetString() }))
            .GetProperty("project");
        Assert.NotEqual("改名", after.GetProperty("name").GetString());
        Assert.Equal(project.GetProperty("leadUnits")[0].GetProperty("id").GetString(), after.GetProperty("leadUnits")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Two_mutations_in_one_document_each_return_fresh_data()
    {
        var (client, _) = await FreshTenantAsync();
        var planId = (await client.QueryAsync("{ plans { id } }")).GetProperty("plans")[0].GetProperty("id").GetString();

        var data = await client.QueryAsync("""
            mutation($id: ID!) { a: updatePlan(input: { id: $id, title: "第一次" }) { title } b: updatePlan(input: { id: $id, title: "第二次" }) { title } }
            """, new { id = planId });

        Assert.Equal("第一次", data.GetProperty("a").GetProperty("title").GetString());
        Assert.Equal("第二次", data.GetProperty("b").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Filters_by_plan_unit_and_year_find_the_right_projects()
    {
        var (client, tenant) = await FreshTenantAsync(projects: 9);
        var planId = (await client.QueryAsync("{ plans { id } }")).GetProperty("plans")[0].GetProperty("id").GetString();
        // The finance bureau supports many projects but not all: a filter that ignores the unit would show.
        var civil = tenant.Units.First(u => u.Name.EndsWith("财政局"));
        var expectedForUnit = tenant.ProjectUnits.Where(pu => pu.UnitId == civil.Id).Select(pu => pu.ProjectId).Distinct().Count();
        var unitId = (await client.QueryAsync("query($q: String) { units(search: $q) { id name } }", new { q = civil.Name }))
            .GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == civil.Name).GetProperty("id").GetString();

        var data = await client.QueryAsync("""
            query($plan: ID!, $unit: ID!) {
              byPlan: projects(filter: { planId: $plan }) { totalCount }
              byUnit: projects(filter: { unitId: $unit }) { totalCount }
              byYear: projects(filter: { year: 2024 }) { totalCount }
              byName: projects(first: 3, orderBy: NAME) { edges { node { name } } } }
            """, new { plan = planId, unit = unitId });

        Assert.Equal(9, data.GetProperty("byPlan").GetProperty("totalCount").GetInt32());
        Assert.Equal(9, data.GetProperty("byYear").GetProperty("totalCount").GetInt32());
        Assert.InRange(expectedForUnit, 1, 8);
        Assert.Equal(expectedForUnit, data.GetProperty("byUnit").GetProperty("totalCount").GetInt32());
        var names = data.GetProperty("byName").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();
        Assert.Equal(tenant.Projects.Select(p => p.Name).Order(StringComparer.Ordinal).Take(3), names);
    }

    [Fact]
    public async Task Paging_by_name_and_by_deadline_visits_every_project_once()
    {
        var (client, tenant) = await FreshTenantAsync(projects: 8);
        foreach (var order in new[] { "NAME", "DEADLINE" })
        {
            var seen = new List<string>();
            string? after = null;
            for (var page = 0; page < 10; page++)
            {
                var data = (await client.QueryAsync($"query($after: String) {{ projects(first: 3, after: $after, orderBy: {order}) {{ edges {{ node {{ id }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                    new { after })).GetProperty("projects");
                seen.AddRange(data.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
                if (!data.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
                after = data.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            }
            Assert.Equal(tenant.Projects.Count, seen.Count);
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
        var wrongOrder = await client.PostAsync("query($after: String) { projects(first: 3, after: $after, orderBy: NAME) { totalCount } }",
            new { after = (await client.QueryAsync("{ projects(first: 1) { pageInfo { endCursor } } }")).GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        Assert.Equal("BAD_USER_INPUT", wrongOrder.ErrorCode());
    }
}
