using System.Text.Json;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Importing;

/// <summary>A stored plan goes back out in the annex layout, and what goes out reads back in.</summary>
[Collection(ApiCollection.Name)]
public sealed class PlanExportTests(ApiFactory factory)
{
    [Theory]
    [InlineData("DOCX", ".docx")]
    [InlineData("XLSX", ".xlsx")]
    public async Task An_imported_plan_exports_and_reads_back_the_same(string format, string extension)
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var seed = Convert.ToBase64String(await File.ReadAllBytesAsync(RepositoryPaths.Seed("003_e2b3581a32b51649.txt")));
        var imported = (await client.QueryAsync("""
            mutation($c: String!) { importPlan(input: { fileName: "003.txt", contentBase64: $c }) { plan { id projects { sequence name leadUnits { name } indicators { unit targetValue } milestones { text } } } } }
            """, new { c = seed })).GetProperty("importPlan").GetProperty("plan");

        var exported = (await client.QueryAsync($$"""
            query($id: ID!) { plan(id: $id) { export(format: {{format}}) { fileName mediaType contentBase64 } } }
            """, new { id = imported.GetProperty("id").GetString() })).GetProperty("plan").GetProperty("export");
        var readBack = (await client.QueryAsync("""
            mutation($n: String!, $c: String!) { importPlan(input: { fileName: $n, contentBase64: $c, dryRun: true }) { succeeded draftJson } }
            """, new { n = exported.GetProperty("fileName").GetString(), c = exported.GetProperty("contentBase64").GetString() })).GetProperty("importPlan");

        Assert.EndsWith(extension, exported.GetProperty("fileName").GetString());
        Assert.True(readBack.GetProperty("succeeded").GetBoolean(), readBack.GetProperty("draftJson").GetString());
        var draft = JsonDocument.Parse(readBack.GetProperty("draftJson").GetString()!).RootElement.GetProperty("draft");
        Assert.Equal("泾政办发〔2023〕4号", draft.GetProperty("documentNumber").GetString());
        var stored = imported.GetProperty("projects").EnumerateArray().ToList();
        var roundTripped = Flatten(draft.GetProperty("projects")).ToList();
        Assert.Equal(stored.Select(p => p.GetProperty("name").GetString()), roundTripped.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(
            stored.Select(p => string.Join("、", p.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetProperty("name").GetString()))),
            roundTripped.Select(p => string.Join("、", p.TryGetProperty("leadUnits", out var u) ? u.EnumerateArray().Select(x => x.GetString()) : [])));
        // Every stored target (unit and value) comes back; reading the text again may find an extra one.
        static List<string> Targets(IEnumerable<JsonElement> targets, string valueField) =>
            targets.Select(t => $"{t.GetProperty("unit").GetString()}={t.GetProperty(valueField).GetDecimal():0.####}").ToList();
        foreach (var (storedProject, readProject) in stored.Zip(roundTripped))
        {
            var back = Targets(readProject.TryGetProperty("targets", out var t) ? t.EnumerateArray() : [], "value");
            foreach (var target in Targets(storedProject.GetProperty("indicators").EnumerateArray(), "targetValue"))
            {
                Assert.True(back.Remove(target), $"{storedProject.GetProperty("name").GetString()}: target {target} was lost on the way out.");
            }
        }
        Assert.Equal(
            stored.Sum(p => p.GetProperty("milestones").GetArrayLength()),
            roundTripped.Sum(p => p.TryGetProperty("milestones", out var m) ? m.GetArrayLength() : 0));
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement projects)
    {
        foreach (var project in projects.EnumerateArray())
        {
            yield return project;
            if (project.TryGetProperty("subItems", out var subItems))
                foreach (var sub in Flatten(subItems)) yield return sub;
        }
    }
}
