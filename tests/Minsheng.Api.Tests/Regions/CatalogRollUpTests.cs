using System.Globalization;
using System.Text.Json;
using Minsheng.Api.Tests.Identity;
using Minsheng.Application.Demo;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Regions;

/// <summary>
/// Issue #18 §4: per-catalog-task roll-ups on a three-level synthetic province (97: a province government, the city
/// 970100 with its own government and two counties, the city 970200 with no government on the platform and two
/// counties). A city's own figure stands for the whole city, so the province counts it instead of its counties'
/// (no double counting), and the difference is flagged; a city without its own figure is the sum of its counties.
/// Only targets a person confirmed count. Expected figures are the numbers the test wrote.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CatalogRollUpTests(ApiFactory factory)
{
    private const string Households = "ha-2024-old-communities.households";
    private const string Piles = "ha-2024-charging.piles";

    private const string RollUp = """
        query($code: String!) { regionSummary(regionCode: $code, year: 2024) { tasks { taskKey name governments projects
          lights { green yellow red unrecorded } lagging { regionCode name redProjects laggingProjects }
          targets { aggregationKey label unit figure { regionCode basis figure { planned actual completionPercent } }
            children { regionCode name basis figure { planned actual completionPercent } }
            disagreements { regionCode own { planned actual } children { planned actual } } } } } }
        """;

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Dictionary<string, Guid>? _province;

    /// <summary>The planned figure each government sets under each key (the actual is written as half of it).</summary>
    private static readonly (string Region, string Key, decimal Planned)[] Figures =
    [
        ("970100", Households, 1000), ("970101", Households, 300), ("970102", Households, 500),
        ("970201", Households, 200), ("970202", Households, 400),
        ("970101", Piles, 10), ("970102", Piles, 20),
    ];

    /// <summary>Loads province 97 once: generated plans, then the projects under test renamed and refigured as a county writes them.</summary>
    private async Task<Dictionary<string, Guid>> ProvinceAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_province is not null) return _province;
            var specs = new[]
            {
                new DemoTenantSpec("970000", "九七省", null, 2, 2),
                new DemoTenantSpec("970100", "甲市", "970000", 3, 2),
                new DemoTenantSpec("970101", "甲市一县", "970100", 3, 2),
                new DemoTenantSpec("970102", "甲市二县", "970100", 3, 2),
                new DemoTenantSpec("970200", "乙市", "970000", 0, 2),
                new DemoTenantSpec("970201", "乙市一县", "970200", 3, 2),
                new DemoTenantSpec("970202", "乙市二县", "970200", 3, 2),
            };
            var data = DemoDataGenerator.Generate(specs);
            // 乙市's own government is not on the platform: its figure can only be its counties'.
            data = data with { Tenants = data.Tenants.Where(t => t.Tenant.RegionCode != "970200").ToList() };
            await DemoDataLoader.LoadAsync(factory.OwnerConnectionString, data);

            foreach (var tenant in data.Tenants)
            {
                var code = tenant.Tenant.RegionCode;
                var client = factory.Client(code);
                await client.QueryAsync("""mutation { configurePlugins(input: { enabled: ["henan"] }) { pluginId } }""");
                var projects = tenant.Projects.Where(p => p.ParentId is null).OrderBy(p => p.SortOrder).ToList();
                // Nothing generated matches the catalog any more; then the projects under test are written as counties write them.
                foreach (var project in projects)
                    await Sql($"UPDATE projects SET name = '建设城区口袋公园{project.SortOrder}', content = '新建口袋公园。' WHERE id = '{project.Id}'");
                var toConfirm = new List<Guid>();
                foreach (var (figure, project) in Figures.Where(f => f.Region == code).Zip(projects))
                {
                    var indicator = tenant.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Position).First();
                    var (name, label, unit) = figure.Key == Households
                        ? ("开展城镇老旧小区改造（省定）", "老旧小区改造", "户")
                        : ("推进充电基础设施建设（省定）", "新建公共充电桩", "个");
                    await Sql($"DELETE FROM indicators WHERE project_id = '{project.Id}' AND id <> '{indicator.Id}'");
                    await Sql($"UPDATE projects SET name = '{name}' WHERE id = '{project.Id}'");
                    await Sql($"UPDATE indicators SET label = '{label}', unit = '{unit}', target_value = {figure.Planned.ToString(CultureInfo.InvariantCulture)} WHERE id = '{indicator.Id}'");
                    await Sql($"UPDATE report_actuals SET value = {(figure.Planned / 2).ToString(CultureInfo.InvariantCulture)} WHERE indicator_id = '{indicator.Id}'");
                    toConfirm.Add(project.Id);
                }
                if (toConfirm.Count > 0)
                    await client.QueryAsync("mutation($ids: [ID!]!) { confirmCategorizations(input: { projectIds: $ids }) { id } }",
                        new { ids = toConfirm.Select(id => GlobalId.Encode("Project", id)).ToArray() });
                await client.QueryAsync("mutation { recordLights(input: {}) { assessed } }");
            }

            var platform = await factory.SignedInAsync("platform-admin");
            foreach (var (code, user) in new[] { ("970000", "p97-analyst"), ("970100", "c9701-analyst") })
                await platform.QueryAsync($$"""mutation { createRegionAnalyst(input: { regionCode: "{{code}}", userName: "{{user}}", displayName: "{{user}}", password: "analyst-2026" }) { roles } }""");
            return _province = data.Tenants.ToDictionary(t => t.Tenant.RegionCode, t => t.Tenant.Id);
        }
        finally
        {
            Once.Release();
        }
    }

    private Task Sql(string sql) => OwnerQuery.ScalarAsync(factory.OwnerConnectionString, sql);

    private async Task<GraphQLClient> AnalystAsync(string userName) =>
        factory.Bearer((await factory.SignInAsync(userName, "analyst-2026", "openid read")).AccessToken);

    private static JsonElement Target(JsonElement summary, string task, string key) =>
        summary.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("taskKey").GetString() == task)
            .GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("aggregationKey").GetString() == key);

    private static (decimal Planned, decimal Actual) FigureOf(JsonElement figure) =>
        (figure.GetProperty("planned").GetDecimal(), figure.GetProperty("actual").GetDecimal());

    private static JsonElement Child(JsonElement target, string code) =>
        target.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("regionCode").GetString() == code);

    [Fact]
    public async Task A_province_counts_a_citys_own_figure_instead_of_its_counties_and_flags_the_difference()
    {
        await ProvinceAsync();
        var province = await AnalystAsync("p97-analyst");

        var summary = (await province.QueryAsync(RollUp, new { code = "970000" })).GetProperty("regionSummary");
        var households = Target(summary, "ha-2024-old-communities", Households);

        // 甲市's own 1000 stands for 甲市 (its counties' 300 + 500 are not added again); 乙市 has no government here: 200 + 400.
        Assert.Equal(("970000", "CHILDREN"), (households.GetProperty("figure").GetProperty("regionCode").GetString(),
            households.GetProperty("figure").GetProperty("basis").GetString()));
        Assert.Equal((1600m, 800m), FigureOf(households.GetProperty("figure").GetProperty("figure")));
        Assert.Equal(50.0m, households.GetProperty("figure").GetProperty("figure").GetProperty("completionPercent").GetDecimal());
        Assert.Equal(("户", "老旧小区改造"), (households.GetProperty("unit").GetString(), households.GetProperty("label").GetString()));
        Assert.Equal(["970100", "970200"], households.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("regionCode").GetString()));
        Assert.Equal(("OWN", (1000m, 500m)), (Child(households, "970100").GetProperty("basis").GetString(), FigureOf(Child(households, "970100").GetProperty("figure"))));
        Assert.Equal(("CHILDREN", (600m, 300m)), (Child(households, "970200").GetProperty("basis").GetString(), FigureOf(Child(households, "970200").GetProperty("figure"))));
        Assert.Equal("乙市", Child(households, "970200").GetProperty("name").GetString());
        var disagreement = households.GetProperty("disagreements").EnumerateArray().Single();
        Assert.Equal(("970100", (1000m, 500m), (800m, 400m)), (disagreement.GetProperty("regionCode").GetString(),
            FigureOf(disagreement.GetProperty("own")), FigureOf(disagreement.GetProperty("children"))));

        // Only 甲市's counties count charging piles: 甲市 is their sum, and nothing disagrees.
        var piles = Target(summary, "ha-2024-charging", Piles);
        Assert.Equal((30m, 15m), FigureOf(piles.GetProperty("figure").GetProperty("figure")));
        Assert.Equal("CHILDREN", Child(piles, "970100").GetProperty("basis").GetString());
        Assert.Empty(piles.GetProperty("disagreements").EnumerateArray());

        // Every task of the province's catalog is listed, counted or not; a task nobody counts has no figure.
        var tasks = summary.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(10, tasks.Count);
        var skills = tasks.Single(t => t.GetProperty("taskKey").GetString() == "ha-2024-skills");
        Assert.Equal((0, 0), (skills.GetProperty("governments").GetInt32(), skills.GetProperty("projects").GetInt32()));
        Assert.All(skills.GetProperty("targets").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("figure").ValueKind));
    }

    [Fact]
    public async Task Lights_and_lagging_governments_are_those_the_daily_round_last_recorded_for_the_counted_projects()
    {
        var ids = await ProvinceAsync();
        var province = await AnalystAsync("p97-analyst");

        var task = (await province.QueryAsync(RollUp, new { code = "970000" })).GetProperty("regionSummary").GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("taskKey").GetString() == "ha-2024-old-communities");

        // By hand: the last recorded light of each project counted under the task, over the province's governments.
        var tenants = string.Join(", ", ids.Values.Select(id => $"'{id}'"));
        async Task<long> CountAsync(string light) => (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"""
            SELECT count(*) FROM (SELECT DISTINCT l.tenant_id, l.project_id FROM catalog_links l
              WHERE l.tenant_id IN ({tenants}) AND l.task_key = 'ha-2024-old-communities') p
            JOIN LATERAL (SELECT light FROM project_lights h WHERE h.tenant_id = p.tenant_id AND h.project_id = p.project_id
              ORDER BY recorded_for DESC, recorded_at DESC LIMIT 1) h ON true WHERE h.light = '{light}'
            """))!;
        var lights = task.GetProperty("lights");
        Assert.Equal((5, 5), (task.GetProperty("governments").GetInt32(), task.GetProperty("projects").GetInt32()));
        Assert.Equal((await CountAsync("Green"), await CountAsync("Yellow"), await CountAsync("Red")),
            ((long)lights.GetProperty("green").GetInt32(), (long)lights.GetProperty("yellow").GetInt32(), (long)lights.GetProperty("red").GetInt32()));
        Assert.Equal(0, lights.GetProperty("unrecorded").GetInt32());
        var redByHand = await CountAsync("Red");
        var lagging = task.GetProperty("lagging").EnumerateArray().ToList();
        Assert.Equal(redByHand, lagging.Sum(g => g.GetProperty("redProjects").GetInt32()));
        Assert.All(lagging, g => Assert.StartsWith("97", g.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task A_citys_analyst_rolls_up_its_city_only_and_sees_its_counties_as_children()
    {
        await ProvinceAsync();
        var city = await AnalystAsync("c9701-analyst");

        var summary = (await city.QueryAsync(RollUp, new { code = "970100" })).GetProperty("regionSummary");
        var above = await city.PostAsync(RollUp, new { code = "970000" });
        var beside = await city.PostAsync(RollUp, new { code = "970200" });

        var households = Target(summary, "ha-2024-old-communities", Households);
        Assert.Equal(("OWN", (1000m, 500m)), (households.GetProperty("figure").GetProperty("basis").GetString(),
            FigureOf(households.GetProperty("figure").GetProperty("figure"))));
        Assert.Equal([("970101", 300m), ("970102", 500m)], households.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("regionCode").GetString(), c.GetProperty("figure").GetProperty("planned").GetDecimal())));
        Assert.Equal("970100", households.GetProperty("disagreements").EnumerateArray().Single().GetProperty("regionCode").GetString());
        Assert.Equal((30m, "CHILDREN"), (Target(summary, "ha-2024-charging", Piles).GetProperty("figure").GetProperty("figure").GetProperty("planned").GetDecimal(),
            Target(summary, "ha-2024-charging", Piles).GetProperty("figure").GetProperty("basis").GetString()));
        Assert.Equal("FORBIDDEN", above.ErrorCode());
        Assert.Equal("FORBIDDEN", beside.ErrorCode());
    }

    [Fact]
    public async Task In_the_province_a_county_cannot_read_its_sibling_and_the_citys_analyst_cannot_write()
    {
        var ids = await ProvinceAsync();
        var sibling = await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT id FROM projects WHERE tenant_id = '{ids["970102"]}' AND parent_id IS NULL ORDER BY sort_order LIMIT 1");
        var mine = await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT id FROM projects WHERE tenant_id = '{ids["970101"]}' AND parent_id IS NULL ORDER BY sort_order LIMIT 1");
        var county = factory.Client("970101");
        var analyst = await AnalystAsync("c9701-analyst");
        var analystInCounty = factory.Bearer(analyst.AccessToken!, "970101");
        const string Node = "query($id: ID!) { node(id: $id) { id } }";

        var own = await county.QueryAsync(Node, new { id = GlobalId.Encode("Project", (Guid)mine!) });
        var other = await county.PostAsync(Node, new { id = GlobalId.Encode("Project", (Guid)sibling!) });
        var confirm = await analystInCounty.PostAsync("mutation($ids: [ID!]!) { confirmCategorizations(input: { projectIds: $ids, count: false }) { id } }",
            new { ids = new[] { GlobalId.Encode("Project", (Guid)mine!) } });
        var plugins = await analystInCounty.PostAsync("""mutation { configurePlugins(input: { enabled: [] }) { pluginId } }""");
        var record = await analystInCounty.PostAsync("mutation { recordLights(input: {}) { assessed } }");

        Assert.Equal(JsonValueKind.Object, own.GetProperty("node").ValueKind);
        Assert.True(other.HasErrors ? other.ErrorCode() == "NOT_FOUND" : other.Data.GetProperty("node").ValueKind == JsonValueKind.Null, other.Body.ToString());
        Assert.All(new[] { confirm, plugins, record }, r => Assert.Equal("FORBIDDEN", r.ErrorCode()));
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT count(*) FROM catalog_links WHERE tenant_id = '{ids["970101"]}' AND project_id = '{mine}'"));
    }
}
