using Minsheng.Api.Tests.Cli;
using Minsheng.Data;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Importing;

/// <summary>A clerk loads a real notice: preview, commit, re-import, replace; and the CLI does the same.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportPlanTests(ApiFactory factory)
{
    private const string Import = """
        mutation($name: String!, $content: String!, $dry: Boolean, $replace: ID) {
          importPlan(input: { fileName: $name, contentBase64: $content, dryRun: $dry, replacePlanId: $replace }) {
            succeeded dryRun alreadyImported projectCount detectedFormat sha256 createdUnits draftJson table
            errors { code message location } warnings { code }
            plan { id year title documentNumber issuedOn status projects { sequence name leadUnits { name } indicators { unit } } } } }
        """;

    private static readonly string Seed003 = Convert.ToBase64String(File.ReadAllBytes(RepositoryPaths.Seed("003_e2b3581a32b51649.txt")));

    private async Task<GraphQLClient> FreshTenantAsync() =>
        factory.Client((await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1)).Tenant.RegionCode);

    [Fact]
    public async Task A_dry_run_reports_the_draft_and_writes_nothing()
    {
        var client = await FreshTenantAsync();

        var result = (await client.QueryAsync(Import, new { name = "003.txt", content = Seed003, dry = true })).GetProperty("importPlan");

        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(17, result.GetProperty("projectCount").GetInt32());
        Assert.Equal("text", result.GetProperty("detectedFormat").GetString());
        Assert.Contains("泾政办发〔2023〕4号", result.GetProperty("draftJson").GetString());
        Assert.Contains("泾政办发〔2023〕4号", result.GetProperty("table").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("plan").ValueKind);
        Assert.Equal(1, (await client.QueryAsync("{ plans { id } }")).GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Committing_creates_a_draft_plan_once_and_reimporting_creates_nothing()
    {
        var client = await FreshTenantAsync();

        var first = (await client.QueryAsync(Import, new { name = "003.txt", content = Seed003 })).GetProperty("importPlan");
        var again = (await client.QueryAsync(Import, new { name = "003-copy.txt", content = Seed003 })).GetProperty("importPlan");

        var plan = first.GetProperty("plan");
        Assert.Equal(2023, plan.GetProperty("year").GetInt32());
        Assert.Equal("泾政办发〔2023〕4号", plan.GetProperty("documentNumber").GetString());
        Assert.Equal("2023-01-31", plan.GetProperty("issuedOn").GetString());
        Assert.Equal("DRAFT", plan.GetProperty("status").GetString());
        var projects = plan.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(17, projects.Count);
        Assert.Equal("1", projects[0].GetProperty("sequence").GetString());
        Assert.All(projects, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString())));
        Assert.Contains(projects, p => p.GetProperty("leadUnits").GetArrayLength() > 0);
        Assert.NotEmpty(first.GetProperty("createdUnits").EnumerateArray());

        Assert.True(again.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(plan.GetProperty("id").GetString(), again.GetProperty("plan").GetProperty("id").GetString());
        Assert.Empty(again.GetProperty("createdUnits").EnumerateArray());
        Assert.Equal(2, (await client.QueryAsync("{ plans { id } }")).GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Replace_rewrites_a_draft_plans_projects_from_the_document()
    {
        var client = await FreshTenantAsync();
        var planId = (await client.QueryAsync("""mutation { createPlan(input: { year: 2023, title: "待导入" }) { id } }"""))
            .GetProperty("createPlan").GetProperty("id").GetString();

        var result = (await client.QueryAsync(Import, new { name = "003.txt", content = Seed003, replace = planId })).GetProperty("importPlan");

        Assert.Equal(planId, result.GetProperty("plan").GetProperty("id").GetString());
        Assert.Equal(17, result.GetProperty("plan").GetProperty("projects").GetArrayLength());
        var twice = (await client.QueryAsync(Import, new { name = "003.txt", content = Seed003, replace = planId })).GetProperty("importPlan");
        Assert.Equal(17, twice.GetProperty("plan").GetProperty("projects").GetArrayLength());
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("binary.bin", "AAECAwQFBgcICQ==")]
    [InlineData("broken.docx", "UEsDBBQAAAAIAA==")]
    public async Task A_bad_document_is_refused_with_specific_errors_and_nothing_written(string name, string content)
    {
        var client = await FreshTenantAsync();

        var result = (await client.QueryAsync(Import, new { name, content })).GetProperty("importPlan");

        Assert.False(result.GetProperty("succeeded").GetBoolean());
        var error = result.GetProperty("errors")[0];
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(1, (await client.QueryAsync("{ plans { id } }")).GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Content_that_is_not_base64_is_bad_input()
    {
        var client = await FreshTenantAsync();

        var response = await client.PostAsync(Import, new { name = "x.txt", content = "%%% not base64 %%%" });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    [Fact]
    public async Task The_cli_imports_as_documented()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1);
        var seed = RepositoryPaths.Seed("003_e2b3581a32b51649.txt");
        var connection = DatabaseSetup.AppConnectionString(factory.OwnerConnectionString);

        var (dryCode, dryOut) = await CliProcess.RunAsync("import", seed, "--tenant", tenant.Tenant.RegionCode, "--dry-run", "--format", "json", "--connection", connection);
        var (code, output) = await CliProcess.RunAsync("import", seed, "--tenant", tenant.Tenant.RegionCode, "--connection", connection);
        var (unknownCode, _) = await CliProcess.RunAsync("import", seed, "--tenant", "000001", "--connection", connection);

        Assert.True(dryCode == 0, dryOut);
        Assert.Contains("\"documentNumber\": \"泾政办发〔2023〕4号\"", dryOut);
        Assert.True(code == 0, output);
        Assert.Contains("Imported as draft plan", output);
        Assert.Equal(1, unknownCode);
        await using var db = new NpgsqlConnection(factory.OwnerConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM plans WHERE tenant_id = $1 AND document_number = '泾政办发〔2023〕4号'", db)
        { Parameters = { new() { Value = tenant.Tenant.Id } } };
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
