using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Reports;

/// <summary>
/// Issue #17 §1: evidence files on a report, limited in size and type (told by the content), stored in PostgreSQL and
/// only changed while the report is editable; and an accepted month corrected only by the office, keeping what it said.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EvidenceAndCorrectionTests(ApiFactory factory)
{
    private const string Attach = """
        mutation($r: ID!, $name: String!, $content: String!) { attachEvidence(input: { reportId: $r, fileName: $name, contentBase64: $content }) {
          evidence { id fileName mediaType size sha256 uploadedBy file { contentBase64 } } } }
        """;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<(GraphQLClient Client, string Report, string Target)> DraftAsync(ApiFactory factory)
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 1, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var project = (await client.QueryAsync("{ projects(first: 1) { nodes { id indicators { id } } } }")).GetProperty("projects").GetProperty("nodes")[0];
        var target = project.GetProperty("indicators")[0].GetProperty("id").GetString()!;
        var report = (await client.QueryAsync("mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }", new { input = new {
            projectId = project.GetProperty("id").GetString(), period = "2024-04", progress = "已开工", actuals = new[] { new { indicatorId = target, value = 10m } } } }))
            .GetProperty("saveReportDraft").GetProperty("id").GetString()!;
        return (client, report, target);
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_size_and_locked_with_the_accepted_month()
    {
        var (client, report, _) = await DraftAsync(factory);

        var attached = (await client.QueryAsync(Attach, new { r = report, name = "现场照片说明.pdf", content = Convert.ToBase64String(Pdf) }))
            .GetProperty("attachEvidence").GetProperty("evidence").EnumerateArray().Single();
        var twice = await client.PostAsync(Attach, new { r = report, name = "again.pdf", content = Convert.ToBase64String(Pdf) });
        var disguised = await client.PostAsync(Attach, new { r = report, name = "photo.jpg", content = Convert.ToBase64String(Pdf) });
        var program = await client.PostAsync(Attach, new { r = report, name = "setup.exe", content = Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00]) });
        var tooLarge = await client.PostAsync(Attach, new { r = report, name = "big.pdf", content = Convert.ToBase64String([.. Pdf, .. new byte[5 * 1024 * 1024]]) });
        var notBase64 = await client.PostAsync(Attach, new { r = report, name = "x.pdf", content = "这不是base64" });
        var png = await client.PostAsync(Attach, new { r = report, name = "site.png", content = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]) });

        Assert.Equal(("现场照片说明.pdf", "application/pdf", Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf))),
            (attached.GetProperty("fileName").GetString(), attached.GetProperty("mediaType").GetString(), attached.GetProperty("size").GetInt32(), attached.GetProperty("sha256").GetString()));
        Assert.Equal(Pdf, Convert.FromBase64String(attached.GetProperty("file").GetProperty("contentBase64").GetString()!));
        Assert.Equal("CONFLICT", twice.ErrorCode());
        Assert.Equal(["BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT"],
            new[] { disguised.ErrorCode(), program.ErrorCode(), tooLarge.ErrorCode(), notBase64.ErrorCode() });
        Assert.False(png.HasErrors);

        foreach (var step in new[] { "submitReport", "approveReport", "acceptReport" })
            await client.QueryAsync($"mutation($id: ID!) {{ {step}(input: {{ id: $id }}) {{ id }} }}", new { id = report });
        var attachLocked = await client.PostAsync(Attach, new { r = report, name = "late.pdf", content = Convert.ToBase64String([.. Pdf, 1]) });
        var removeLocked = await client.PostAsync("mutation($id: ID!) { removeEvidence(input: { id: $id }) { id } }", new { id = attached.GetProperty("id").GetString() });
        var kept = (await client.QueryAsync("query($id: ID!) { node(id: $id) { ... on ProgressReport { evidence { fileName } } } }", new { id = report }))
            .GetProperty("node").GetProperty("evidence").GetArrayLength();

        Assert.Equal(("ILLEGAL_TRANSITION", "ILLEGAL_TRANSITION"), (attachLocked.ErrorCode(), removeLocked.ErrorCode()));
        Assert.Equal(2, kept);
    }

    [Fact]
    public async Task An_accepted_month_is_corrected_by_the_office_and_keeps_what_it_said()
    {
        var (client, report, target) = await DraftAsync(factory);
        const string Correct = """
            mutation($r: ID!, $t: ID!, $v: Decimal!) { correctAcceptedReport(input: { reportId: $r, reason: "统计局核定数为12", actuals: [{ indicatorId: $t, value: $v }] }) {
              status actuals { value } corrections { reason before after correctedBy } } }
            """;
        var notYet = await client.PostAsync(Correct, new { r = report, t = target, v = 12m });
        foreach (var step in new[] { "submitReport", "approveReport", "acceptReport" })
            await client.QueryAsync($"mutation($id: ID!) {{ {step}(input: {{ id: $id }}) {{ id }} }}", new { id = report });
        var corrected = (await client.QueryAsync(Correct, new { r = report, t = target, v = 12m })).GetProperty("correctAcceptedReport");
        var same = await client.PostAsync(Correct, new { r = report, t = target, v = 12m });

        Assert.Equal("ILLEGAL_TRANSITION", notYet.ErrorCode());
        Assert.Equal(("ACCEPTED", 12m), (corrected.GetProperty("status").GetString(), corrected.GetProperty("actuals")[0].GetProperty("value").GetDecimal()));
        var correction = Assert.Single(corrected.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("统计局核定数为12", "development"), (correction.GetProperty("reason").GetString(), correction.GetProperty("correctedBy").GetString()));
        Assert.Equal(10m, JsonDocument.Parse(correction.GetProperty("before").GetString()!).RootElement.GetProperty("actuals")[0].GetProperty("value").GetDecimal());
        Assert.Equal(12m, JsonDocument.Parse(correction.GetProperty("after").GetString()!).RootElement.GetProperty("actuals")[0].GetProperty("value").GetDecimal());
        Assert.Equal("BAD_USER_INPUT", same.ErrorCode());
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT count(*) FROM audit_entries WHERE action = 'correct' AND entity_id = '{Minsheng.GraphQL.Abstractions.GlobalId.Expect(report, "ProgressReport", "id")}'"));
    }
}
