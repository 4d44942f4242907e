using System.Text;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Importing;

/// <summary>A year-end 完成情况 disclosure records its actual figures against the plan's targets.</summary>
[Collection(ApiCollection.Name)]
public sealed class DisclosureImportTests(ApiFactory factory)
{
    private const string Disclosure = """
        长河县2026年民生实事完成情况

        现将2026年县政府民生实事完成情况公告如下。
        一、省定民生实事
        1.开展职业技能培训。全年开展职业技能培训1.2万人次，新增技能人才800人。
        责任单位：县人社局
        完成情况：全年开展职业技能培训1.45万人次，完成年度目标任务的120.8%；新增技能人才912人。
        2.改造老旧小区。改造老旧小区不少于3000户。
        责任单位：县住建局
        完成情况：改造老旧小区3300户，完成110%。
        二、市定民生实事
        1.建设农村公路。新建农村公路40公里。
        责任单位：县交通局
        完成情况：新建农村公路42公里。
        """;

    private const string Import = """
        mutation($content: String!) { importPlan(input: { fileName: "完成情况.txt", contentBase64: $content }) {
          succeeded recordedActuals warnings { code message } plan { id year projects { name reports { period status actuals { value indicator { label unit targetValue } } } } } } }
        """;

    private static string Content => Convert.ToBase64String(Encoding.UTF8.GetBytes(Disclosure));

    [Fact]
    public async Task Actuals_are_recorded_against_the_existing_plan_of_the_year()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2026, title: "2026年民生实事" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString();
        var training = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "职业技能培训（省定）" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        var housing = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "2", name: "老旧小区改造（省定）" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "开展职业技能培训", comparator: AT_LEAST, targetValue: 12000, unit: "人次" }) { id } }""", new { p = training });
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "新增技能人才", comparator: AT_LEAST, targetValue: 800, unit: "人" }) { id } }""", new { p = training });
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "改造老旧小区", comparator: AT_LEAST, targetValue: 3000, unit: "户" }) { id } }""", new { p = housing });

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");
        var again = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal(planId, result.GetProperty("plan").GetProperty("id").GetString());
        Assert.Equal(3, result.GetProperty("recordedActuals").GetInt32());
        // The road project is not in this plan: said, not silently dropped.
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "disclosure.project-unmatched");
        var projects = again.GetProperty("plan").GetProperty("projects").EnumerateArray().ToList();
        var trainingReport = Assert.Single(projects[0].GetProperty("reports").EnumerateArray());
        Assert.Equal("2026-12", trainingReport.GetProperty("period").GetString());
        Assert.Equal("ACCEPTED", trainingReport.GetProperty("status").GetString());
        var actuals = trainingReport.GetProperty("actuals").EnumerateArray()
            .Select(a => (a.GetProperty("indicator").GetProperty("unit").GetString(), a.GetProperty("value").GetDecimal())).OrderBy(a => a.Item1).ToList();
        Assert.Equal([("人", 912m), ("人次", 14500m)], actuals);
        // Importing the disclosure again replaced the figures rather than adding a second set.
        Assert.Equal(3, again.GetProperty("recordedActuals").GetInt32());
        Assert.Equal(3300m, Assert.Single(Assert.Single(projects[1].GetProperty("reports").EnumerateArray()).GetProperty("actuals").EnumerateArray()).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task An_actual_in_another_name_of_the_same_measure_is_recorded()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2026, title: "2026年民生实事" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString();
        var training = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "职业技能培训（省定）" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        // The plan counts 名 where the disclosure says 人: one measure, so the figure is recorded as it is.
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "新增技能人才", comparator: AT_LEAST, targetValue: 800, unit: "名" }) { id } }""", new { p = training });

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal(1, result.GetProperty("recordedActuals").GetInt32());
        var report = Assert.Single(result.GetProperty("plan").GetProperty("projects").EnumerateArray().Single().GetProperty("reports").EnumerateArray());
        var actual = Assert.Single(report.GetProperty("actuals").EnumerateArray());
        Assert.Equal((912m, "名"), (actual.GetProperty("value").GetDecimal(), actual.GetProperty("indicator").GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task An_actual_at_another_scale_is_converted_to_the_targets_unit()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2026, title: "2026年民生实事" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString();
        var training = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "职业技能培训（省定）" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        // The plan keeps the training target in 万人次; the disclosure's 1.45万人次 is recorded as 1.45 of them.
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "职业技能培训", comparator: EXACTLY, targetValue: 1.2, unit: "万人次" }) { id } }""", new { p = training });

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        Assert.True(result.GetProperty("succeeded").GetBoolean(), result.ToString());
        var report = Assert.Single(result.GetProperty("plan").GetProperty("projects").EnumerateArray().Single().GetProperty("reports").EnumerateArray());
        var actual = Assert.Single(report.GetProperty("actuals").EnumerateArray());
        Assert.Equal((1.45m, "万人次"), (actual.GetProperty("value").GetDecimal(), actual.GetProperty("indicator").GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task A_completion_table_records_its_done_column_against_the_plan()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2026, title: "2026年民生实事" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString();
        var road = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "新改建农村公路" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString();
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "新改建农村公路", comparator: EXACTLY, targetValue: 45, unit: "公里" }) { id } }""", new { p = road });
        // A table pasted from a web page: cells apart by runs of spaces, the unit of measure in its own column.
        var table = """
            长河县2026年民生实事完成情况统计表
            序号    考核指标          单位      工作目标    已完成数    占年任务之比    备注
            1       新改建农村公路    公里      45          52.3        116.2%          县交通运输局
            """;

        var result = (await client.QueryAsync(Import, new { content = Convert.ToBase64String(Encoding.UTF8.GetBytes(table)) })).GetProperty("importPlan");

        Assert.True(result.GetProperty("succeeded").GetBoolean(), result.ToString());
        Assert.Equal(1, result.GetProperty("recordedActuals").GetInt32());
        var report = Assert.Single(result.GetProperty("plan").GetProperty("projects").EnumerateArray().Single().GetProperty("reports").EnumerateArray());
        var actual = Assert.Single(report.GetProperty("actuals").EnumerateArray());
        Assert.Equal((52.3m, 45m), (actual.GetProperty("value").GetDecimal(), actual.GetProperty("indicator").GetProperty("targetValue").GetDecimal()));
    }

    [Fact]
    public async Task Without_a_plan_of_the_year_the_disclosure_becomes_one()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        var plan = result.GetProperty("plan");
        Assert.Equal(2026, plan.GetProperty("year").GetInt32());
        Assert.Equal(3, plan.GetProperty("projects").GetArrayLength());
        Assert.Equal(4, result.GetProperty("recordedActuals").GetInt32());
        var road = plan.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString()!.Contains("农村公路"));
        var actual = Assert.Single(Assert.Single(road.GetProperty("reports").EnumerateArray()).GetProperty("actuals").EnumerateArray());
        Assert.Equal((42m, 40m), (actual.GetProperty("value").GetDecimal(), actual.GetProperty("indicator").GetProperty("targetValue").GetDecimal()));
    }

    private async Task<(GraphQLClient Client, string PlanId, string TrainingId)> PlanWithTrainingAsync()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2026, title: "2026年民生实事" }) { id } }""")).GetProperty("createPlan").GetProperty("id").GetString()!;
        var training = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "1", name: "职业技能培训（省定）" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString()!;
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "开展职业技能培训", comparator: AT_LEAST, targetValue: 12000, unit: "人次" }) { id } }""", new { p = training });
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "新增技能人才", comparator: AT_LEAST, targetValue: 800, unit: "人" }) { id } }""", new { p = training });
        // A project whose name shares a few characters with the disclosure's 建设农村公路, and a target in 公里.
        var water = (await client.QueryAsync("""mutation($p: ID!) { createProject(input: { planId: $p, sequence: "2", name: "农村供水工程建设" }) { id } }""", new { p = planId }))
            .GetProperty("createProject").GetProperty("id").GetString()!;
        await client.QueryAsync("""mutation($p: ID!) { createIndicator(input: { projectId: $p, label: "铺设供水管网", comparator: EXACTLY, targetValue: 60, unit: "公里" }) { id } }""", new { p = water });
        return (client, planId, training);
    }

    [Fact]
    public async Task A_near_miss_name_is_not_taken_for_another_project()
    {
        var (client, _, _) = await PlanWithTrainingAsync();

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        var water = result.GetProperty("plan").GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "农村供水工程建设");
        Assert.Equal(0, water.GetProperty("reports").GetArrayLength());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w =>
            w.GetProperty("code").GetString() == "disclosure.project-unmatched" && w.GetProperty("message").GetString()!.Contains("建设农村公路"));
    }

    [Fact]
    public async Task A_report_the_unit_already_filed_keeps_its_status_text_and_other_figures()
    {
        var (client, _, trainingId) = await PlanWithTrainingAsync();
        var tenantId = (await client.QueryAsync("{ tenant { regionCode } }")).GetProperty("tenant").GetProperty("regionCode").GetString();
        // The unit's own December report, still a draft, with its own text.
        await using (var db = new Npgsql.NpgsqlConnection(factory.OwnerConnectionString))
        {
            await db.OpenAsync();
            var projectUuid = Guid.ParseExact(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(trainingId)).Split(':')[1], "N");
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO progress_reports (id, tenant_id, project_id, period, status, progress)
                SELECT $1, p.tenant_id, p.id, DATE '2026-12-01', 'Draft', '单位自报：全年培训1.4万人次' FROM projects p WHERE p.id = $2
                """, db) { Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = projectUuid } } };
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        Assert.NotNull(tenantId);

        var result = (await client.QueryAsync(Import, new { content = Content })).GetProperty("importPlan");

        var training = result.GetProperty("plan").GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "职业技能培训（省定）");
        var report = Assert.Single(training.GetProperty("reports").EnumerateArray());
        Assert.Equal("DRAFT", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("actuals").GetArrayLength());
    }

    [Fact]
    public async Task A_plan_of_another_year_is_refused_as_the_one_reported_on()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var planOf2024 = (await client.QueryAsync("{ plans { id year } }")).GetProperty("plans")[0].GetProperty("id").GetString();

        var response = await client.PostAsync("""
            mutation($content: String!, $plan: ID!) { importPlan(input: { fileName: "完成情况.txt", contentBase64: $content, replacePlanId: $plan }) { succeeded } }
            """, new { content = Content, plan = planOf2024 });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains("2026", response.ErrorMessage());
    }
}
