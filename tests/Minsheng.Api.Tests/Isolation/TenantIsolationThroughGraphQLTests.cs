using Minsheng.Identity.Development;
using Minsheng.Api.Tests.Identity;
using System.Text.Json;

namespace Minsheng.Api.Tests.Isolation;

/// <summary>
/// Tenant 411302 (宛城区) must never see or touch 411303's (卧龙区) rows: not in lists, not by node(id),
/// not by project(id), not by mutation. Without a tenant nothing tenant-owned is visible.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationThroughGraphQLTests(ApiFactory factory)
{
    private const string Wancheng = "411302";
    private const string Wolong = "411303";

    private const string ProjectPage = """
        { projects(first: 100) { totalCount edges { node { id name plan { id } indicators { id } milestones { id } latestReport { id } leadUnit { id } } } } }
        """;

    private static List<JsonElement> Nodes(JsonElement data) =>
        data.GetProperty("projects").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

    [Fact]
    public async Task Each_tenant_lists_only_its_own_projects()
    {
        var wancheng = Nodes(await factory.Client(Wancheng).QueryAsync(ProjectPage));
        var wolong = Nodes(await factory.Client(Wolong).QueryAsync(ProjectPage));

        Assert.Equal(15, wancheng.Count);
        Assert.Equal(18, wolong.Count);
        var wanchengIds = wancheng.Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(wolong, n => wanchengIds.Contains(n.GetProperty("id").GetString()));
        // Nested rows come from the same tenant too: no loader leaks another tenant's children.
        var wanchengPlans = wancheng.Select(n => n.GetProperty("plan").GetProperty("id").GetString()).Distinct().ToList();
        var wolongPlans = wolong.Select(n => n.GetProperty("plan").GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(wanchengPlans);
        Assert.Single(wolongPlans);
        Assert.NotEqual(wanchengPlans[0], wolongPlans[0]);
    }

    [Fact]
    public async Task Another_tenants_ids_resolve_to_nothing()
    {
        var wolong = Nodes(await factory.Client(Wolong).QueryAsync(ProjectPage));
        var project = wolong[0];
        var ids = new[]
        {
            project.GetProperty("id").GetString(),
            project.GetProperty("plan").GetProperty("id").GetString(),
            project.GetProperty("indicators")[0].GetProperty("id").GetString(),
            project.GetProperty("milestones")[0].GetProperty("id").GetString(),
            project.GetProperty("latestReport").GetProperty("id").GetString(),
            project.GetProperty("leadUnit").GetProperty("id").GetString(),
        };

        var wancheng = factory.Client(Wancheng);
        foreach (var id in ids)
        {
            var data = await wancheng.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
            Assert.Equal(JsonValueKind.Null, data.GetProperty("node").ValueKind);
        }
        var byField = await wancheng.QueryAsync("query($id: ID!) { project(id: $id) { id name } }", new { id = ids[0] });
        Assert.Equal(JsonValueKind.Null, byField.GetProperty("project").ValueKind);

        // The owner sees it, so the nulls above are isolation, not a broken lookup.
        var own = await factory.Client(Wolong).QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ids[0] });
        Assert.Equal(ids[0], own.GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Mutations_cannot_reach_another_tenants_rows()
    {
        var wolongClient = factory.Client(Wolong);
        var target = Nodes(await wolongClient.QueryAsync(ProjectPage))[1];
        var projectId = target.GetProperty("id").GetString();
        var originalName = target.GetProperty("name").GetString();
        var wancheng = factory.Client(Wancheng);

        var rename = await wancheng.PostAsync(
            "mutation($id: ID!) { updateProject(input: { id: $id, name: \"被篡改\" }) { id } }", new { id = projectId });
        var addTarget = await wancheng.PostAsync(
            "mutation($id: ID!) { createIndicator(input: { projectId: $id, label: \"x\", comparator: AT_LEAST, targetValue: 1, unit: \"个\" }) { id } }",
            new { id = projectId });
        var delete = await wancheng.PostAsync("mutation($id: ID!) { deleteProject(id: $id) { deletedId } }", new { id = projectId });

        Assert.Equal("NOT_FOUND", rename.ErrorCode());
        Assert.Equal("NOT_FOUND", addTarget.ErrorCode());
        Assert.Equal("NOT_FOUND", delete.ErrorCode());
        var after = await wolongClient.QueryAsync("query($id: ID!) { project(id: $id) { name indicators { id } } }", new { id = projectId });
        Assert.Equal(originalName, after.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal(target.GetProperty("indicators").GetArrayLength(), after.GetProperty("project").GetProperty("indicators").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_tenant_nothing_tenant_owned_comes_back()
    {
        const string Read = "{ tenant { name } plans { id } units { id } projects(first: 20) { totalCount edges { node { id } } } }";
        var anonymous = await factory.Client(null).PostAsync(Read);
        // A region token names no tenant until it picks one below its region: it may read, and finds nothing.
        var regionToken = await factory.ClientCredentialsAsync(DevelopmentAccounts.ProvinceClientId, DevelopmentAccounts.ProvinceClientSecret);
        var region = factory.Bearer(regionToken.AccessToken);

        var data = await region.QueryAsync(Read);
        var write = await region.PostAsync("mutation { createUnit(input: { name: \"区测试局\" }) { id } }");

        Assert.Equal((401, "UNAUTHENTICATED"), (anonymous.Status, anonymous.ErrorCode()));
        Assert.False(anonymous.Body.TryGetProperty("data", out _));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("tenant").ValueKind);
        Assert.Equal(0, data.GetProperty("plans").GetArrayLength());
        Assert.Equal(0, data.GetProperty("units").GetArrayLength());
        Assert.Equal(0, data.GetProperty("projects").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("projects").GetProperty("edges").GetArrayLength());
        Assert.Equal("FORBIDDEN", write.ErrorCode());
    }

    [Fact]
    public async Task An_unknown_tenant_is_refused_with_404()
    {
        var response = await factory.Client("999999").PostAsync("{ tenant { name } }");

        Assert.Equal(404, response.Status);
        Assert.Equal("NOT_FOUND", response.ErrorCode());
    }
}
