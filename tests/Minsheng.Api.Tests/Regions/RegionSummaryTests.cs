using System.Text.Json;
using Minsheng.Api.Tests.Identity;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Regions;

/// <summary>
/// Issue #18 §4, first part: a region's figures across the governments below it, for its analysts — equal to the same
/// counts made by hand in SQL, split by child region without counting anything twice, refused above the analyst's own
/// region and to tenant callers, and read-only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RegionSummaryTests(ApiFactory factory)
{
    private const string Summary = """
        query($code: String!) { regionSummary(regionCode: $code, year: 2024) { regionCode name year
          total { tenants projects targets reportsFiled reportsSignedOff } own { tenants projects }
          children { regionCode name counts { tenants projects targets reportsFiled reportsSignedOff } } } }
        """;

    private async Task<GraphQLClient> AnalystAsync(string userName) =>
        factory.Bearer((await factory.SignInAsync(userName, scope: "openid read")).AccessToken);

    /// <summary>The same counts by hand, over the active tenants whose region code starts with <paramref name="prefix"/>.</summary>
    private async Task<long[]> ByHandAsync(string prefix)
    {
        var scope = $"t.status = 'Active' AND t.region_code LIKE '{prefix}%' AND pl.year = 2024 AND pl.status = 'Published'";
        var joins = "JOIN projects p ON p.tenant_id = x.tenant_id AND p.id = x.project_id JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id JOIN tenants t ON t.id = p.tenant_id";
        return
        [
            (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"SELECT count(*) FROM tenants t WHERE t.status = 'Active' AND t.region_code LIKE '{prefix}%'"))!,
            (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
                $"SELECT count(*) FROM projects p JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id JOIN tenants t ON t.id = p.tenant_id WHERE {scope} AND p.parent_id IS NULL"))!,
            (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"SELECT count(*) FROM (SELECT i.tenant_id, i.project_id FROM indicators i) x {joins} WHERE {scope}"))!,
            (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
                $"SELECT count(*) FROM (SELECT r.tenant_id, r.project_id FROM progress_reports r WHERE r.status <> 'Draft') x {joins} WHERE {scope}"))!,
            (long)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
                $"SELECT count(*) FROM (SELECT r.tenant_id, r.project_id FROM progress_reports r WHERE r.status IN ('Approved', 'Accepted')) x {joins} WHERE {scope}"))!,
        ];
    }

    private static long[] Counts(JsonElement counts) =>
        new[] { "tenants", "projects", "targets", "reportsFiled", "reportsSignedOff" }.Select(f => (long)counts.GetProperty(f).GetInt32()).ToArray();

    [Fact]
    public async Task A_citys_analyst_gets_the_citys_totals_and_each_countys_share_as_counted_by_hand()
    {
        var analyst = await AnalystAsync("nanyang-analyst");

        var city = (await analyst.QueryAsync(Summary, new { code = "411300" })).GetProperty("regionSummary");
        var county = (await analyst.QueryAsync(Summary, new { code = "411302" })).GetProperty("regionSummary");

        Assert.Equal(("411300", 2024), (city.GetProperty("regionCode").GetString(), city.GetProperty("year").GetInt32()));
        Assert.Equal(await ByHandAsync("4113"), Counts(city.GetProperty("total")));
        Assert.True(Counts(city.GetProperty("total"))[1] > 0, "the demo counties have projects");
        var children = city.GetProperty("children").EnumerateArray().ToList();
        foreach (var child in children)
            Assert.Equal(await ByHandAsync(child.GetProperty("regionCode").GetString()!), Counts(child.GetProperty("counts")));
        // Nothing counted twice, nothing left out: the children and the city's own government make the total.
        var own = city.GetProperty("own").ValueKind == JsonValueKind.Null ? 0 : city.GetProperty("own").GetProperty("projects").GetInt32();
        Assert.Equal(Counts(city.GetProperty("total"))[1], children.Sum(c => c.GetProperty("counts").GetProperty("projects").GetInt32()) + own);
        Assert.Equal(await ByHandAsync("411302"), Counts(county.GetProperty("total")));
        Assert.Empty(county.GetProperty("children").EnumerateArray());
    }

    [Fact]
    public async Task A_province_sees_its_cities_and_an_analyst_nothing_above_or_beside_its_region()
    {
        var province = await AnalystAsync("henan-analyst");
        var city = await AnalystAsync("nanyang-analyst");
        var countyViewer = await factory.SignedInAsync("411302-viewer");

        var henan = (await province.QueryAsync(Summary, new { code = "410000" })).GetProperty("regionSummary");
        var above = await city.PostAsync(Summary, new { code = "410000" });
        var beside = await city.PostAsync(Summary, new { code = "411400" });
        var tenantCaller = await countyViewer.PostAsync(Summary, new { code = "411300" });
        var write = await city.PostAsync("""mutation { configurePlugins(input: { enabled: [] }) { pluginId } }""");

        Assert.Equal(await ByHandAsync("41"), Counts(henan.GetProperty("total")));
        // 南阳市 is one child, with everything below it; the province's own government (if on the platform) and its
        // children make the total.
        var nanyang = henan.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("regionCode").GetString() == "411300");
        Assert.Equal(await ByHandAsync("4113"), Counts(nanyang.GetProperty("counts")));
        var ownProjects = henan.GetProperty("own").ValueKind == JsonValueKind.Null ? 0 : henan.GetProperty("own").GetProperty("projects").GetInt32();
        Assert.Equal(Counts(henan.GetProperty("total"))[1],
            henan.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("counts").GetProperty("projects").GetInt32()) + ownProjects);
        Assert.Equal("FORBIDDEN", above.ErrorCode());
        Assert.Equal("FORBIDDEN", beside.ErrorCode());
        Assert.Equal("FORBIDDEN", tenantCaller.ErrorCode());
        Assert.Contains(write.ErrorCode(), new[] { "FORBIDDEN", "UNAUTHENTICATED" });
    }

    /// <summary>Issue 20: the national roll-up — a national analyst (region 000000) reads the country: every province a child.</summary>
    [Fact]
    public async Task A_national_analyst_gets_the_countrys_totals_and_each_provinces_share_and_a_province_cannot_read_the_country()
    {
        var platform = await factory.SignedInAsync("platform-admin");
        await platform.QueryAsync("""mutation { createRegionAnalyst(input: { regionCode: "000000", userName: "national-analyst", displayName: "全国分析员", password: "analyst-2026" }) { roles } }""");
        var national = factory.Bearer((await factory.SignInAsync("national-analyst", "analyst-2026", "openid read")).AccessToken);
        var province = await AnalystAsync("henan-analyst");

        var country = (await national.QueryAsync(Summary, new { code = "000000" })).GetProperty("regionSummary");
        var henan = (await national.QueryAsync(Summary, new { code = "410000" })).GetProperty("regionSummary");
        var tasks = await national.QueryAsync("{ regionSummary(regionCode: \"000000\", year: 2024) { tasks { taskKey governments } } }");
        var above = await province.PostAsync(Summary, new { code = "000000" });

        Assert.Equal(("000000", "全国"), (country.GetProperty("regionCode").GetString(), country.GetProperty("name").GetString()));
        Assert.Equal(await ByHandAsync(""), Counts(country.GetProperty("total")));
        Assert.Equal(JsonValueKind.Null, country.GetProperty("own").ValueKind);
        var children = country.GetProperty("children").EnumerateArray().ToList();
        Assert.All(children, c => Assert.EndsWith("0000", c.GetProperty("regionCode").GetString()));
        foreach (var child in children)
            Assert.Equal(await ByHandAsync(child.GetProperty("regionCode").GetString()![..2]), Counts(child.GetProperty("counts")));
        Assert.Equal(Counts(country.GetProperty("total"))[0], children.Sum(c => c.GetProperty("counts").GetProperty("tenants").GetInt32()));
        Assert.Equal(Counts(henan.GetProperty("total")), Counts(children.Single(c => c.GetProperty("regionCode").GetString() == "410000").GetProperty("counts")));
        Assert.Equal(JsonValueKind.Array, tasks.GetProperty("regionSummary").GetProperty("tasks").ValueKind);
        Assert.Equal("FORBIDDEN", above.ErrorCode());
    }
}
