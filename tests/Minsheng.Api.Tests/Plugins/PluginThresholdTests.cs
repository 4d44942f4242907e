using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Domain.Supervision;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Plugins.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Plugins;

/// <summary>
/// Issue #18 §1: a plugin may supply the status rules' thresholds. Its tenants assess with them unless they set their
/// own; a tenant without the plugin keeps the platform's. (The thresholds here come from a stand-in extension registered
/// for the henan plugin in this test's server: neither shipped plugin has thresholds of its own to supply.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PluginThresholdTests(ApiFactory factory)
{
    private sealed class StrictThresholds : IStatusThresholdSource
    {
        public StatusThresholds Defaults => new() { AtRiskGapPoints = 2, LaggingGapPoints = 3 };
    }

    private const string Assess = """
        query($id: ID!) { statusRules { atRiskGapPoints laggingGapPoints }
          project(id: $id) { assessment(asOf: "2024-01-15") { light reasons { code } } } }
        """;

    [Fact]
    public async Task A_plugins_thresholds_apply_to_its_tenants_until_they_set_their_own()
    {
        var http = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton(new PluginExtension<IStatusThresholdSource>("henan", _ => new StrictThresholds())))).CreateClient();
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0);
        var other = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0);
        var client = new GraphQLClient(http, tenant.Tenant.RegionCode);
        var without = new GraphQLClient(http, other.Tenant.RegionCode);
        // A year-long project with nothing reported: on 15 January 4 % of its time is gone.
        foreach (var t in new[] { tenant, other })
            await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"UPDATE projects SET deadline_date = '2024-12-31' WHERE tenant_id = '{t.Tenant.Id}'");
        object Id(Minsheng.Application.Demo.DemoTenantData t) => new { id = GlobalId.Encode("Project", t.Projects.First(p => p.ParentId is null).Id) };

        var before = (await client.QueryAsync(Assess, Id(tenant)));
        await client.QueryAsync("""mutation { configurePlugins(input: { enabled: ["henan"] }) { pluginId } }""");
        var withPlugin = await client.QueryAsync(Assess, Id(tenant));
        var neighbour = await without.QueryAsync(Assess, Id(other));
        await client.QueryAsync("mutation { configureStatusRules(input: { atRiskGapPoints: 10, laggingGapPoints: 20 }) { atRiskGapPoints } }");
        var own = await client.QueryAsync(Assess, Id(tenant));

        static (int, int, string) Of(JsonElement data) => (data.GetProperty("statusRules").GetProperty("atRiskGapPoints").GetInt32(),
            data.GetProperty("statusRules").GetProperty("laggingGapPoints").GetInt32(),
            data.GetProperty("project").GetProperty("assessment").GetProperty("light").GetString()!);
        Assert.Equal((15, 30, "GREEN"), Of(before));
        // 4 % of the time gone and nothing done is 4 points behind: past the plugin's 3 (lagging), not the platform's 15.
        Assert.Equal((2, 3, "RED"), Of(withPlugin));
        Assert.Contains(withPlugin.GetProperty("project").GetProperty("assessment").GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("code").GetString() == "BEHIND_SCHEDULE");
        Assert.Equal((15, 30, "GREEN"), Of(neighbour));
        Assert.Equal((10, 20, "GREEN"), Of(own));
    }
}
