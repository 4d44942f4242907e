using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.TestHost;
using Minsheng.Application.Projects;
using Minsheng.Domain.Access;
using Minsheng.GraphQL.Abstractions;
using Minsheng.GraphQL.Projects;
using Minsheng.Plugins.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Plugins;

/// <summary>
/// Issue #18 §1: a plugin's own GraphQL — a root field through the contributor contract the core modules use, and a
/// field on a core type — registered in its startup with <see cref="PluginServices"/>, is in the schema of exactly the
/// tenants that enabled the plugin (asked, and seen by introspection). The plugin here is a stand-in registered under
/// the henan plugin's manifest in this test's server.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PluginSchemaRegistrationTests(ApiFactory factory)
{
    private sealed class NoticeContributor : ISchemaContributor
    {
        public void Contribute(SchemaComposition schema) =>
            schema.Query.Field<NonNullGraphType<StringGraphType>>("provincialNotice").Requires(Permission.ReadTenantData).Resolve(_ => "豫政〔2024〕1号");
    }

    private sealed class ProjectTagExtension : ITypeExtension<ProjectType>
    {
        public void Extend(ProjectType type) =>
            type.Field<NonNullGraphType<StringGraphType>>("provincialTag").Requires(Permission.ReadTenantData).Resolve(c => "省定：" + ((ProjectRow)c.Source!).Name);
    }

    [Fact]
    public async Task A_plugins_own_fields_are_in_the_schema_of_the_tenants_that_enabled_it_only()
    {
        var http = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            new PluginServices(services, new PluginManifest("henan", "河南省民生实事", "1.0.0", []))
                .AddSchemaContributor<NoticeContributor>()
                .AddTypeExtension<ProjectType, ProjectTagExtension>())).CreateClient();
        var enabled = new GraphQLClient(http, (await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0)).Tenant.RegionCode);
        var plain = new GraphQLClient(http, (await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0)).Tenant.RegionCode);
        await enabled.QueryAsync("""mutation { configurePlugins(input: { enabled: ["henan"] }) { pluginId } }""");
        const string Ask = "{ provincialNotice projects(first: 1) { nodes { name provincialTag } } }";
        const string Introspect = """{ query: __type(name: "Query") { fields { name } } project: __type(name: "Project") { fields { name } } }""";

        var asked = await enabled.QueryAsync(Ask);
        var refused = await plain.PostAsync(Ask);
        static bool Has(JsonElement data, string type, string field) =>
            data.GetProperty(type).GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == field);
        var seen = await enabled.QueryAsync(Introspect);
        var unseen = await plain.QueryAsync(Introspect);

        Assert.Equal("豫政〔2024〕1号", asked.GetProperty("provincialNotice").GetString());
        var node = asked.GetProperty("projects").GetProperty("nodes")[0];
        Assert.Equal("省定：" + node.GetProperty("name").GetString(), node.GetProperty("provincialTag").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", refused.ErrorCode());
        Assert.True(Has(seen, "query", "provincialNotice") && Has(seen, "project", "provincialTag"));
        Assert.False(Has(unseen, "query", "provincialNotice") || Has(unseen, "project", "provincialTag"));
    }
}
