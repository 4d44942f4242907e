using System.Text.Json;
using Minsheng.Api.Tests.Identity;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Plugins;

/// <summary>
/// Issue #18 §3: with the statistics-bureau plugin, the statistics bureau named on a project (区统计局, 县统计局) certifies its counted targets. A
/// project whose targets are met is not completed until they are certified; a certified figure is frozen on every path
/// that writes figures until the bureau queries it (with a reason); only the bureau's people certify; and the year-end
/// 完成情况 marks certified figures as such.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CertificationTests(ApiFactory factory)
{
    private const string Project = """
        query($id: ID!) { project(id: $id) { leadUnits { id } certificationUnits { id name }
          indicators { id targetValue unit certifier { name } certification { decision value reason unit { name } } }
          assessment { status reasons { code message } } } }
        """;
    private const string Certify = """
        mutation($t: ID!, $d: CertificationDecision!, $r: String) { certifyTarget(input: { indicatorId: $t, decision: $d, reason: $r }) {
          certification { decision value reason unit { name } } certificationHistory { decision } } }
        """;
    private const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }";

    private static object Draft(string projectId, string period, IEnumerable<(string Id, decimal Value)> actuals, bool submit = false) => new
    {
        input = new { projectId, period, progress = "按计划推进", submit, actuals = actuals.Select(a => new { indicatorId = a.Id, value = a.Value }).ToArray() },
    };

    [Fact]
    public async Task Met_targets_complete_a_project_only_once_the_bureau_certified_them_and_a_certified_figure_is_frozen()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 6, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        await client.QueryAsync("""mutation { configurePlugins(input: { enabled: ["statistics-bureau"] }) { pluginId } }""");
        var project = tenant.Projects.First(p => p.ParentId is null && tenant.Indicators.Count(i => i.ProjectId == p.Id) >= 2);
        var targets = tenant.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Position).ToList();
        // A counted target (户), and rates (%), which a statistics bureau does not certify.
        await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"UPDATE indicators SET unit = '户', comparator = 'AtLeast', target_value = 600 WHERE id = '{targets[0].Id}'");
        foreach (var other in targets.Skip(1))
            await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"UPDATE indicators SET unit = '%', comparator = 'AtLeast', target_value = 90 WHERE id = '{other.Id}'");
        var projectId = GlobalId.Encode("Project", project.Id);
        JsonElement Read(JsonElement data) => data.GetProperty("project");
        var before = Read(await client.QueryAsync(Project, new { id = projectId }));
        var indicators = before.GetProperty("indicators").EnumerateArray().ToList();
        var counted = indicators[0].GetProperty("id").GetString()!;
        var bureau = before.GetProperty("certificationUnits")[0].GetProperty("name").GetString()!;
        var met = indicators.Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("targetValue").GetDecimal())).ToList();

        var november = (await client.QueryAsync(Save, Draft(projectId, "2024-11", met, submit: true))).GetProperty("saveReportDraft").GetProperty("id").GetString();
        await client.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id = november });
        var awaiting = Read(await client.QueryAsync(Project, new { id = projectId }));
        var certified = (await client.QueryAsync(Certify, new { t = counted, d = "CERTIFIED" })).GetProperty("certifyTarget");
        var again = await client.PostAsync(Certify, new { t = counted, d = "CERTIFIED" });
        var rate = await client.PostAsync(Certify, new { t = indicators[1].GetProperty("id").GetString(), d = "CERTIFIED" });
        var completed = Read(await client.QueryAsync(Project, new { id = projectId }));

        Assert.EndsWith("统计局", bureau);
        Assert.Equal(bureau, indicators[0].GetProperty("certifier").GetProperty("name").GetString());
        Assert.All(indicators.Skip(1), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("certifier").ValueKind));
        var assessment = awaiting.GetProperty("assessment");
        Assert.Equal("ON_TRACK", assessment.GetProperty("status").GetString());
        Assert.Contains(assessment.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "AWAITING_CERTIFICATION"
            && r.GetProperty("message").GetString()!.Contains(bureau));
        Assert.Equal(("CERTIFIED", 600m, bureau), (certified.GetProperty("certification").GetProperty("decision").GetString(),
            certified.GetProperty("certification").GetProperty("value").GetDecimal(), certified.GetProperty("certification").GetProperty("unit").GetProperty("name").GetString()));
        Assert.Equal("CONFLICT", again.ErrorCode());
        Assert.Equal("BAD_USER_INPUT", rate.ErrorCode());
        Assert.Equal("COMPLETED", completed.GetProperty("assessment").GetProperty("status").GetString());
        Assert.DoesNotContain(completed.GetProperty("assessment").GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "AWAITING_CERTIFICATION");

        // Frozen: another figure for the certified target is refused — by a new report and by a correction — and nothing is written.
        var changed = met.Select(m => m.Item1 == counted ? (m.Item1, 650m) : m).ToList();
        var december = await client.PostAsync(Save, Draft(projectId, "2024-12", changed));
        await client.QueryAsync("mutation($id: ID!) { acceptReport(input: { id: $id }) { id } }", new { id = november });
        var correction = await client.PostAsync("""
            mutation($r: ID!, $t: ID!) { correctAcceptedReport(input: { reportId: $r, reason: "更正", actuals: [{ indicatorId: $t, value: 640 }] }) { id } }
            """, new { r = november, t = counted });
        var sameFigure = await client.PostAsync(Save, Draft(projectId, "2024-12", met));
        Assert.Equal("CONFLICT", december.ErrorCode());
        Assert.Contains("certified", december.ErrorMessage());
        Assert.Equal("CONFLICT", correction.ErrorCode());
        Assert.False(sameFigure.HasErrors, sameFigure.Body.ToString());
        Assert.Equal(600m, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT max(value) FROM report_actuals WHERE indicator_id = '{targets[0].Id}'"));

        // The year-end 完成情况 marks the certified figure.
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd");
        var yearEnd = (await client.QueryAsync("mutation($d: DateOnly!) { generateBulletin(input: { kind: YEAR_END, year: 2024, asOf: $d }) { html } }", new { d = asOf }))
            .GetProperty("generateBulletin").GetProperty("html").GetString()!;
        Assert.Contains($"600户（经{bureau}核定）", yearEnd);

        // Queried, with a reason: unfrozen, and no longer counted as completed.
        var noReason = await client.PostAsync(Certify, new { t = counted, d = "QUERIED" });
        var queried = (await client.QueryAsync(Certify, new { t = counted, d = "QUERIED", r = "入户核查数为588户，请核实" })).GetProperty("certifyTarget");
        var afterQuery = Read(await client.QueryAsync(Project, new { id = projectId }));
        var revised = await client.PostAsync(Save, Draft(projectId, "2024-12", changed));
        Assert.Equal("BAD_USER_INPUT", noReason.ErrorCode());
        Assert.Equal(("QUERIED", 2), (queried.GetProperty("certification").GetProperty("decision").GetString(), queried.GetProperty("certificationHistory").GetArrayLength()));
        Assert.Equal("ON_TRACK", afterQuery.GetProperty("assessment").GetProperty("status").GetString());
        Assert.False(revised.HasErrors, revised.Body.ToString());
        Assert.Equal("certify,query", await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT string_agg(action, ',' ORDER BY at) FROM audit_entries WHERE tenant_id = '{tenant.Tenant.Id}' AND entity_type = 'TargetCertification'"));
    }

    [Fact]
    public async Task Only_the_certifying_units_people_certify()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 2);
        var code = tenant.Tenant.RegionCode;
        var admin = factory.Client(code);
        await admin.QueryAsync("""mutation { configurePlugins(input: { enabled: ["statistics-bureau"] }) { pluginId } }""");
        var project = tenant.Projects.First(p => p.ParentId is null);
        var target = tenant.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Position).First();
        await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"UPDATE indicators SET unit = '户' WHERE id = '{target.Id}'");
        var units = (await admin.QueryAsync(Project, new { id = GlobalId.Encode("Project", project.Id) })).GetProperty("project");
        var lead = units.GetProperty("leadUnits")[0].GetProperty("id").GetString();
        var bureau = units.GetProperty("certificationUnits")[0].GetProperty("id").GetString();
        var bureauName = units.GetProperty("certificationUnits")[0].GetProperty("name").GetString()!;
        async Task<GraphQLClient> HeadOfAsync(string name, string? unit)
        {
            await admin.QueryAsync("mutation($n: String!, $u: ID!) { createUser(input: { userName: $n, displayName: $n, password: \"head-2026x\", roles: [\"unit_head\"], unitIds: [$u] }) { id } }",
                new { n = name, u = unit });
            return factory.Bearer((await factory.SignInAsync(name, "head-2026x")).AccessToken);
        }
        var leadHead = await HeadOfAsync($"lead-head-{code}", lead);
        var bureauHead = await HeadOfAsync($"stats-head-{code}", bureau);
        var indicatorId = GlobalId.Encode("Indicator", target.Id);

        var byLead = await leadHead.PostAsync(Certify, new { t = indicatorId, d = "CERTIFIED" });
        var byBureau = await bureauHead.PostAsync(Certify, new { t = indicatorId, d = "CERTIFIED" });

        Assert.Equal("FORBIDDEN", byLead.ErrorCode());
        Assert.Contains(bureauName, byLead.ErrorMessage());
        Assert.False(byBureau.HasErrors, byBureau.Body.ToString());
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"SELECT count(*) FROM target_certifications WHERE indicator_id = '{target.Id}'"));
    }

    [Fact]
    public async Task Without_the_plugin_nothing_asks_for_certification()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var target = GlobalId.Encode("Indicator", tenant.Indicators[0].Id);

        var mutation = await client.PostAsync(Certify, new { t = target, d = "CERTIFIED" });
        var field = await client.PostAsync("query($id: ID!) { node(id: $id) { ... on Indicator { certifier { name } } } }", new { id = target });

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", mutation.ErrorCode());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", field.ErrorCode());
    }
}
