using System.Text.Json;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Mutations;

/// <summary>Create, update and delete as a county clerk would, with the errors a wrong figure or a bad id gets.</summary>
[Collection(ApiCollection.Name)]
public sealed class MutationTests(ApiFactory factory)
{
    private async Task<GraphQLClient> FreshTenantAsync()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2);
        return factory.Client(tenant.Tenant.RegionCode);
    }

    private static async Task<string> CreatePlanAsync(GraphQLClient client) =>
        (await client.QueryAsync("""
            mutation { createPlan(input: { year: 2025, title: "2025年民生实事", documentNumber: "宛政〔2025〕3号", issuedOn: "2025-02-10" }) { id year status } }
            """)).GetProperty("createPlan").GetProperty("id").GetString()!;

    [Fact]
    public async Task A_clerk_builds_a_project_with_units_targets_and_milestones()
    {
        var client = await FreshTenantAsync();
        var planId = await CreatePlanAsync(client);
        var unitId = (await client.QueryAsync("""mutation { createUnit(input: { name: "区人力资源和社会保障局", aliases: ["区人社局"] }) { id } }"""))
            .GetProperty("createUnit").GetProperty("id").GetString();

        var project = (await client.QueryAsync("""
            mutation($plan: ID!, $unit: ID!) { createProject(input: {
              planId: $plan, sequence: "5", name: "城镇新增就业（市定）", category: "municipal", investmentYuan: 10500000,
              investmentText: "1050万元", deadline: { date: "2025-12-01", precision: END_OF_MONTH }, leadUnitIds: [$unit] }) {
              id name category investmentYuan deadline { date precision text } leadUnit { name aliases } } }
            """, new { plan = planId, unit = unitId })).GetProperty("createProject");
        var projectId = project.GetProperty("id").GetString();
        var indicator = (await client.QueryAsync("""
            mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "城镇新增就业", comparator: AT_LEAST, targetValue: 5200, unit: "人", sourcePhrase: "城镇新增就业5200人以上" }) { id label comparator targetValue unit } }
            """, new { p = projectId })).GetProperty("createIndicator");
        var milestone = (await client.QueryAsync("""
            mutation($p: ID!, $i: ID!) { createMilestone(input: { projectId: $p, due: { date: "2025-06-01", precision: END_OF_MONTH }, text: "6月底，累计新增就业2600人", indicatorId: $i, cumulativeValue: 2600 }) {
              due { date text } indicator { label } cumulativeValue } }
            """, new { p = projectId, i = indicator.GetProperty("id").GetString() })).GetProperty("createMilestone");

        Assert.Equal("municipal", project.GetProperty("category").GetString());
        Assert.Equal(10500000m, project.GetProperty("investmentYuan").GetDecimal());
        Assert.Equal("2025-12-31", project.GetProperty("deadline").GetProperty("date").GetString());
        Assert.Equal("2025年12月底", project.GetProperty("deadline").GetProperty("text").GetString());
        Assert.Equal("区人力资源和社会保障局", project.GetProperty("leadUnit").GetProperty("name").GetString());
        Assert.Equal("AT_LEAST", indicator.GetProperty("comparator").GetString());
        Assert.Equal(5200m, indicator.GetProperty("targetValue").GetDecimal());
        Assert.Equal("2025-06-30", milestone.GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("城镇新增就业", milestone.GetProperty("indicator").GetProperty("label").GetString());

        // Update only what is given; clear with an explicit null.
        var updated = (await client.QueryAsync("""
            mutation($p: ID!) { updateProject(input: { id: $p, name: "城镇新增就业", investmentText: null }) { name category investmentText investmentYuan } }
            """, new { p = projectId })).GetProperty("updateProject");
        Assert.Equal("城镇新增就业", updated.GetProperty("name").GetString());
        Assert.Equal("municipal", updated.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("investmentText").ValueKind);
        Assert.Equal(10500000m, updated.GetProperty("investmentYuan").GetDecimal());

        // Deleting the target keeps the milestone's text but unlinks it.
        await client.QueryAsync("mutation($i: ID!) { deleteIndicator(id: $i) { deletedId } }", new { i = indicator.GetProperty("id").GetString() });
        var after = (await client.QueryAsync("query($p: ID!) { project(id: $p) { indicators { id } milestones { text indicator { id } cumulativeValue } } }", new { p = projectId }))
            .GetProperty("project");
        Assert.Equal(0, after.GetProperty("indicators").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("milestones")[0].GetProperty("indicator").ValueKind);
    }

    [Theory]
    [InlineData("""mutation { createPlan(input: { year: 1800, title: "x" }) { id } }""", "year")]
    [InlineData("""mutation { createPlan(input: { year: 2025, title: "   " }) { id } }""", "title")]
    [InlineData("""mutation { createUnit(input: { name: "" }) { id } }""", "name")]
    public async Task Wrong_values_get_BAD_USER_INPUT_naming_the_field(string mutation, string field)
    {
        var client = await FreshTenantAsync();

        var response = await client.PostAsync(mutation);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Equal(field, response.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_percentage_above_100_is_a_wrong_figure()
    {
        var client = await FreshTenantAsync();
        var projectId = (await client.QueryAsync("{ projects(first: 1) { edges { node { id } } } }"))
            .GetProperty("projects").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString();

        var response = await client.PostAsync("""
            mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "覆盖率", comparator: REACH, targetValue: 165, unit: "%" }) { id } }
            """, new { p = projectId });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains("165", response.ErrorMessage());
    }

    [Fact]
    public async Task An_id_of_the_wrong_type_or_a_forged_id_is_bad_input()
    {
        var client = await FreshTenantAsync();
        var planId = await CreatePlanAsync(client);

        var wrongType = await client.PostAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "x", comparator: EXACTLY, targetValue: 1, unit: "个" }) { id } }""", new { p = planId });
        var forged = await client.PostAsync("""query { project(id: "not-an-id") { id } }""");

        Assert.Equal("BAD_USER_INPUT", wrongType.ErrorCode());
        Assert.Contains("Project", wrongType.ErrorMessage());
        Assert.Equal("BAD_USER_INPUT", forged.ErrorCode());
    }

    [Fact]
    public async Task A_failed_command_leaves_nothing_half_written()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = await CreatePlanAsync(client);
        var someoneElsesUnit = (await factory.Client("411303").QueryAsync("{ units { id } }")).GetProperty("units")[0].GetProperty("id").GetString();

        var response = await client.PostAsync("""
            mutation($plan: ID!, $unit: ID!) { createProject(input: { planId: $plan, sequence: "1", name: "半途而废的项目", leadUnitIds: [$unit] }) { id } }
            """, new { plan = planId, unit = someoneElsesUnit });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM projects WHERE tenant_id = $1 AND name = '半途而废的项目'", connection)
        { Parameters = { new() { Value = tenant.Tenant.Id } } };
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_mutation_is_audited_in_its_transaction()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var unitId = (await client.QueryAsync("""mutation { createUnit(input: { name: "区审计测试局" }) { id } }""")).GetProperty("createUnit").GetProperty("id").GetString();
        await client.QueryAsync("""mutation($u: ID!) { updateUnit(input: { id: $u, aliases: ["审计局"] }) { id } }""", new { u = unitId });
        await client.QueryAsync("""mutation($u: ID!) { deleteUnit(id: $u) { deletedId } }""", new { u = unitId });

        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var audit = new NpgsqlCommand(
            "SELECT action, before IS NOT NULL, after IS NOT NULL FROM audit_entries WHERE tenant_id = $1 AND entity_type = 'Unit' ORDER BY at", connection)
        { Parameters = { new() { Value = tenant.Tenant.Id } } };
        await using var reader = await audit.ExecuteReaderAsync();
        var rows = new List<(string, bool, bool)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        Assert.Equal([("create", false, true), ("update", true, true), ("delete", true, false)], rows);
    }

    [Fact]
    public async Task Paging_with_after_walks_every_project_once()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 7);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var data = (await client.QueryAsync("query($after: String) { projects(first: 3, after: $after) { edges { node { sequence } } pageInfo { hasNextPage endCursor } } }",
                new { after })).GetProperty("projects");
            seen.AddRange(data.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("sequence").GetString()!));
            if (!data.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = data.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], seen);
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 18);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var expectedProvincial = tenant.Projects.Count(p => p.CategoryCode == "provincial");
        var search = tenant.Projects[0].Name[..4];
        var expectedSearch = tenant.Projects.Count(p => p.Name.Contains(search) || (p.Content ?? "").Contains(search));

        var data = await client.QueryAsync("""
            query($q: String) { provincial: projects(filter: { category: "provincial" }) { totalCount }
              searched: projects(filter: { search: $q }) { totalCount }
              year: projects(filter: { year: 2023 }) { totalCount } }
            """, new { q = search });

        Assert.Equal(expectedProvincial, data.GetProperty("provincial").GetProperty("totalCount").GetInt32());
        Assert.Equal(expectedSearch, data.GetProperty("searched").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("year").GetProperty("totalCount").GetInt32());
    }
}
