using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;
using Minsheng.Api.Tests.Schema;
using Minsheng.GraphQL.Abstractions;
using Minsheng.GraphQL.Schema;
using Minsheng.Plugins.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Plugins;

/// <summary>
/// Issue #18 §1–2: plugins are found at start-up and enabled per tenant; a tenant's schema — and its introspection —
/// has exactly the fields of the plugins it enabled, and the Henan plugin categorizes its projects (省定/市定/本级 and
/// the provincial catalog), explaining why and marking what a person should confirm.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PluginTests(ApiFactory factory)
{
    private const string Introspect = """
        { project: __type(name: "Project") { fields { name } } query: __type(name: "Query") { fields { name } } }
        """;

    private static (bool Categorization, bool Catalog) FieldsOf(JsonElement data) => (
        data.GetProperty("project").GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "categorization"),
        data.GetProperty("query").GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "taskCatalog"));

    private static string Configure(params string[] ids) =>
        $$"""mutation { configurePlugins(input: { enabled: [{{string.Join(", ", ids.Select(i => $"\"{i}\""))}}] }) { pluginId enabled } }""";

    [Fact]
    public void The_server_found_the_henan_plugin_next_to_it()
    {
        var installed = factory.Services.GetRequiredService<InstalledPlugins>();

        Assert.Contains(installed.Ordered, p => p.Id == "henan" && p.Version == "1.0.0");
    }

    [Fact]
    public async Task A_tenant_sees_exactly_the_fields_of_the_plugins_it_enabled()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3, reportMonths: 1);
        var neighbour = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3, reportMonths: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var other = factory.Client(neighbour.Tenant.RegionCode);
        const string Ask = "{ projects(first: 1) { nodes { categorization { level } } } }";

        var before = FieldsOf(await client.QueryAsync(Introspect));
        var askedBefore = await client.PostAsync(Ask);
        var listed = (await client.QueryAsync("{ installedPlugins { pluginId name enabled dependsOn } }")).GetProperty("installedPlugins");
        var enabled = (await client.QueryAsync(Configure("henan"))).GetProperty("configurePlugins");
        var after = FieldsOf(await client.QueryAsync(Introspect));
        var askedAfter = await client.PostAsync(Ask);
        var neighbours = FieldsOf(await other.QueryAsync(Introspect));
        var neighbourAsks = await other.PostAsync(Ask);
        var unknown = await client.PostAsync(Configure("henan", "guangdong"));
        var disabled = (await client.QueryAsync(Configure())).GetProperty("configurePlugins");
        var afterDisabling = FieldsOf(await client.QueryAsync(Introspect));

        Assert.Equal((false, false), before);
        Assert.Contains("categorization", askedBefore.ErrorMessage());
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("pluginId").GetString() == "henan" && !p.GetProperty("enabled").GetBoolean());
        Assert.Contains(enabled.EnumerateArray(), p => p.GetProperty("pluginId").GetString() == "henan" && p.GetProperty("enabled").GetBoolean());
        Assert.Equal((true, true), after);
        Assert.False(askedAfter.HasErrors, askedAfter.Body.ToString());
        // The neighbour enabled nothing: its schema is the core's still.
        Assert.Equal((false, false), neighbours);
        Assert.True(neighbourAsks.HasErrors);
        Assert.Equal("BAD_USER_INPUT", unknown.ErrorCode());
        Assert.Contains("guangdong", unknown.ErrorMessage());
        Assert.DoesNotContain(disabled.EnumerateArray(), p => p.GetProperty("enabled").GetBoolean());
        Assert.Equal((false, false), afterDisabling);
        Assert.Equal("configure", await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT string_agg(action, ',') FROM (SELECT DISTINCT action FROM audit_entries WHERE entity_type = 'Plugins' AND entity_id = '{tenant.Tenant.Id}') a"));
    }

    [Fact]
    public async Task Henan_categorizes_a_plan_by_its_tags_and_the_provincial_catalog()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 4, reportMonths: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        await client.QueryAsync(Configure("henan"));
        var projects = tenant.Projects.Where(p => p.ParentId is null).Take(4).ToArray();
        var renovation = projects[0];
        var renovationTarget = tenant.Indicators.Where(i => i.ProjectId == renovation.Id).OrderBy(i => i.Position).First();
        // The plan's wording, as a county writes it (the generated projects are renamed to real ones).
        foreach (var sql in new[]
        {
            $"UPDATE projects SET name = '开展城镇老旧小区改造（省定）', content = '全年新开工改造不少于6910户。' WHERE id = '{renovation.Id}'",
            $"UPDATE indicators SET label = '新开工改造老旧小区', unit = '户' WHERE id = '{renovationTarget.Id}'",
            $"UPDATE projects SET name = '实施全民健康保障提升工程（市定）' WHERE id = '{projects[1].Id}'",
            $"UPDATE projects SET name = '建设城区口袋公园', content = '新建口袋公园5个。' WHERE id = '{projects[2].Id}'",
            $"UPDATE projects SET name = '推进老旧小区改造提升', content = '改造老旧小区12个。' WHERE id = '{projects[3].Id}'",
        })
            await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, sql);

        var data = await client.QueryAsync("""
            { projects(first: 50) { nodes { id categorization { level basis task { key name } matchedWords doubtful explanation
                targets { indicator { id } aggregationKey unit factor } } } }
              taskCatalog(year: 2024) { key targets { key unit } } }
            """);
        JsonElement Of(Guid id) => data.GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == GlobalId.Encode("Project", id)).GetProperty("categorization");

        var provincial = Of(renovation.Id);
        Assert.Equal(("PROVINCIAL", "TAG", "ha-2024-old-communities", false), (provincial.GetProperty("level").GetString(), provincial.GetProperty("basis").GetString(),
            provincial.GetProperty("task").GetProperty("key").GetString(), provincial.GetProperty("doubtful").GetBoolean()));
        var target = provincial.GetProperty("targets").EnumerateArray().Single();
        Assert.Equal((GlobalId.Encode("Indicator", renovationTarget.Id), "ha-2024-old-communities.households", "户"),
            (target.GetProperty("indicator").GetProperty("id").GetString(), target.GetProperty("aggregationKey").GetString(), target.GetProperty("unit").GetString()));
        Assert.Equal(("MUNICIPAL", "TAG"), (Of(projects[1].Id).GetProperty("level").GetString(), Of(projects[1].Id).GetProperty("basis").GetString()));
        Assert.Equal(("LOCAL", false), (Of(projects[2].Id).GetProperty("level").GetString(), Of(projects[2].Id).GetProperty("doubtful").GetBoolean()));
        var untagged = Of(projects[3].Id);
        Assert.Equal(("PROVINCIAL", "CATALOG", true), (untagged.GetProperty("level").GetString(), untagged.GetProperty("basis").GetString(),
            untagged.GetProperty("doubtful").GetBoolean()));
        Assert.Contains("请确认", untagged.GetProperty("explanation").GetString());
        Assert.Equal(10, data.GetProperty("taskCatalog").GetArrayLength());
    }

    [Fact]
    public async Task The_import_dry_run_shows_the_plugins_categorization_for_a_person_to_confirm()
    {
        var seed = Convert.ToBase64String(File.ReadAllBytes(RepositoryPaths.Seed("002_5cc7c7af7b58e9c9.txt")));
        var withPlugin = factory.Client((await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1)).Tenant.RegionCode);
        var without = factory.Client((await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1)).Tenant.RegionCode);
        await withPlugin.QueryAsync(Configure("henan"));
        const string Preview = """
            mutation($content: String!) { importPlan(input: { fileName: "宛城区台帐.txt", contentBase64: $content, dryRun: true }) {
              succeeded warnings { code message } categorizations { sequence name level basis task { key } doubtful explanation targets { label aggregationKey } } } }
            """;

        var preview = (await withPlugin.QueryAsync(Preview, new { content = seed })).GetProperty("importPlan");
        var withoutField = await without.PostAsync(Preview, new { content = seed });
        var plain = (await without.QueryAsync("mutation($content: String!) { importPlan(input: { fileName: \"宛城区台帐.txt\", contentBase64: $content, dryRun: true }) { warnings { code } } }",
            new { content = seed })).GetProperty("importPlan");

        var categorized = preview.GetProperty("categorizations").EnumerateArray().ToList();
        string? Key(string name) => categorized.Single(c => c.GetProperty("name").GetString()!.StartsWith(name, StringComparison.Ordinal))
            .GetProperty("task") is { ValueKind: JsonValueKind.Object } task ? task.GetProperty("key").GetString() : null;
        Assert.True(preview.GetProperty("succeeded").GetBoolean());
        Assert.Equal(9, categorized.Count(c => c.GetProperty("level").GetString() == "PROVINCIAL" && !c.GetProperty("doubtful").GetBoolean()));
        Assert.Equal("ha-2024-skills", Key("开展职业技能培训和评价取证"));
        Assert.Equal("ha-2024-charging", Key("推进充电基础设施建设"));
        Assert.Contains(categorized, c => c.GetProperty("level").GetString() == "MUNICIPAL" && c.GetProperty("name").GetString()!.Contains("（市定）"));
        // Every categorization a person should confirm is among the warnings, with its reason.
        var doubtful = categorized.Count(c => c.GetProperty("doubtful").GetBoolean());
        Assert.Equal(doubtful, preview.GetProperty("warnings").EnumerateArray().Count(w => w.GetProperty("code").GetString() == "categorization.doubtful"));
        // Without the plugin: no such field, and no such warnings.
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", withoutField.ErrorCode());
        Assert.DoesNotContain(plain.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "categorization.doubtful");
    }

    [Fact]
    public void Every_field_of_every_plugin_schema_declares_an_access_rule()
    {
        var installed = factory.Services.GetRequiredService<InstalledPlugins>();
        var schema = factory.Services.GetRequiredService<TenantSchemas>().For(installed.Ordered.Select(p => p.Id));

        Assert.NotSame(factory.Services.GetRequiredService<TenantSchemas>().Core, schema);
        Assert.Empty(FieldAccessDeclarationTests.Undeclared(schema));
    }
}

/// <summary>Only a tenant administrator changes which plugins a tenant runs.</summary>
public sealed class PluginAccessTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Only_the_tenant_administrator_configures_plugins()
    {
        const string Enable = """mutation { configurePlugins(input: { enabled: ["henan"] }) { pluginId enabled } }""";
        var viewer = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-viewer")).AccessToken);
        var supervisor = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-supervisor")).AccessToken);
        var admin = new GraphQLClient(factory.CreateClient(), null, (await factory.SignInAsync("411302-tenant-admin")).AccessToken);

        var byViewer = await viewer.PostAsync(Enable);
        var bySupervisor = await supervisor.PostAsync(Enable);
        var byAdmin = await admin.PostAsync(Enable);
        var seen = await viewer.PostAsync("{ installedPlugins { pluginId enabled } }");
        await admin.QueryAsync("""mutation { configurePlugins(input: { enabled: [] }) { pluginId } }""");

        Assert.Equal("FORBIDDEN", byViewer.ErrorCode());
        Assert.Equal("FORBIDDEN", bySupervisor.ErrorCode());
        Assert.False(byAdmin.HasErrors, byAdmin.Body.ToString());
        Assert.Contains(seen.Data.GetProperty("installedPlugins").EnumerateArray(), p => p.GetProperty("pluginId").GetString() == "henan" && p.GetProperty("enabled").GetBoolean());
    }
}
