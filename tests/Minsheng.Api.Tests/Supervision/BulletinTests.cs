using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// Issue #17 §7: bulletins generated from the data of a fresh tenant (2024 plan, reports filed for January to March): the
/// figures agree with what the API says of the same day, the .docx passes the Open XML validator and says what the HTML
/// says, versions accumulate, and only one version of a period is published at a time.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BulletinTests(ApiFactory factory)
{
    private const string Generate = """
        mutation($input: GenerateBulletinInput!) { generateBulletin(input: $input) {
          id kind year period version title asOf published html figures docx { fileName mediaType contentBase64 } } }
        """;

    private static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description).ToList();
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public async Task A_monthly_bulletin_states_the_figures_the_api_gives_for_its_day_in_a_valid_docx_and_html()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 6, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);

        var bulletin = (await client.QueryAsync(Generate, new { input = new { kind = "MONTHLY", year = 2024, period = 5 } })).GetProperty("generateBulletin");
        var asOf = bulletin.GetProperty("asOf").GetString();
        var figures = JsonDocument.Parse(bulletin.GetProperty("figures").GetString()!).RootElement;
        var api = await client.QueryAsync("""
            query($asOf: DateOnly!) { projects(first: 100) { nodes { parent { id } state assessment(asOf: $asOf) { status light } leadUnit { name } } }
              overdueReports(asOf: $asOf) { period } }
            """, new { asOf });
        var topLevel = api.GetProperty("projects").GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("parent").ValueKind == JsonValueKind.Null).ToList();
        var docx = Convert.FromBase64String(bulletin.GetProperty("docx").GetProperty("contentBase64").GetString()!);
        var html = bulletin.GetProperty("html").GetString()!;

        // The reports for May were due on 5 June: the office writes May's 通报 the day after, when a missing one is overdue.
        Assert.Equal("2024-06-06", asOf);
        Assert.Equal(1, bulletin.GetProperty("version").GetInt32());
        Assert.EndsWith("2024年民生实事项目5月份推进情况通报", bulletin.GetProperty("title").GetString());
        Assert.Equal(topLevel.Count, figures.GetProperty("projects").GetInt32());
        foreach (var light in new[] { "Green", "Yellow", "Red" })
            Assert.Equal(topLevel.Count(n => n.GetProperty("assessment").GetProperty("light").GetString() == light.ToUpperInvariant()),
                figures.GetProperty("byLight").GetProperty(light).GetInt32());
        Assert.Equal(topLevel.Count(n => n.GetProperty("assessment").GetProperty("status").GetString() == "LAGGING"), figures.GetProperty("lagging").GetArrayLength());
        Assert.Equal(api.GetProperty("overdueReports").GetArrayLength(), figures.GetProperty("overdueReports").GetArrayLength());
        Assert.True(api.GetProperty("overdueReports").GetArrayLength() > 0); // April's reports were never filed
        var ranking = figures.GetProperty("unitRanking").EnumerateArray().ToList();
        Assert.Equal(topLevel.Count, ranking.Sum(u => u.GetProperty("projects").GetInt32()));
        Assert.Equal(Enumerable.Range(1, ranking.Count), ranking.Select(u => u.GetProperty("rank").GetInt32()));
        Assert.True(ranking.Zip(ranking.Skip(1)).All(p => p.First.GetProperty("averageProgressPercent").GetInt32() >= p.Second.GetProperty("averageProgressPercent").GetInt32()));

        Assert.Empty(Validate(docx));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", bulletin.GetProperty("docx").GetProperty("mediaType").GetString());
        var text = DocxText(docx);
        foreach (var phrase in new[] { "一、总体情况", "二、进度滞后项目", "三、责任单位推进排名", "四、月报逾期情况", "五、督办情况", $"红灯{figures.GetProperty("byLight").GetProperty("Red").GetInt32()}项" })
        {
            Assert.Contains(phrase, text);
            Assert.Contains(phrase, html);
        }
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Fact]
    public async Task A_bulletin_counts_the_notices_as_they_stood_on_its_day()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 6, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);
        // The demo notice: issued 10 May, signed for 12 May, answered 20 June, closed on re-check 25 June (China time).
        Assert.Equal(1L, await OwnerQuery.ScalarAsync(factory.OwnerConnectionString,
            $"SELECT count(*) FROM supervision_notices WHERE tenant_id = '{tenant.Tenant.Id}'"));
        await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"""
            UPDATE supervision_notices SET status = 'Closed', issued_at = '2024-05-10 09:00+08', acknowledged_by = 'user:clerk', acknowledged_at = '2024-05-12 09:00+08',
              measures = '已整改', replied_by = 'user:head', replied_at = '2024-06-20 09:00+08', review_comment = '整改到位', reviewed_by = 'user:office',
              reviewed_at = '2024-06-25 09:00+08', rectify_by = DATE '2024-06-30'
            WHERE tenant_id = '{tenant.Tenant.Id}'
            """);

        async Task<JsonElement> NoticesIn(int month) => JsonDocument.Parse((await client.QueryAsync(Generate, new { input = new { kind = "MONTHLY", year = 2024, period = month } }))
            .GetProperty("generateBulletin").GetProperty("figures").GetString()!).RootElement.GetProperty("notices");

        var april = await NoticesIn(4); // as of 6 May: not issued yet
        var may = await NoticesIn(5);   // as of 6 June: signed for, open
        var june = await NoticesIn(6);  // as of 6 July: closed

        Assert.Equal((0, 0, 0), (april.GetProperty("issued").GetInt32(), april.GetProperty("open").GetInt32(), april.GetProperty("closed").GetInt32()));
        Assert.Equal((1, 1, 0), (may.GetProperty("issued").GetInt32(), may.GetProperty("open").GetInt32(), may.GetProperty("closed").GetInt32()));
        Assert.Equal((1, 0, 1), (june.GetProperty("issued").GetInt32(), june.GetProperty("open").GetInt32(), june.GetProperty("closed").GetInt32()));
    }

    [Fact]
    public async Task Versions_accumulate_and_publishing_one_withdraws_the_others_of_its_period()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);
        string Id(JsonElement data) => data.GetProperty("generateBulletin").GetProperty("id").GetString()!;
        const string Publish = "mutation($id: ID!) { publishBulletin(input: { id: $id }) { published publishedBy } }";

        var first = Id(await client.QueryAsync(Generate, new { input = new { kind = "QUARTERLY", year = 2024, period = 1 } }));
        var second = Id(await client.QueryAsync(Generate, new { input = new { kind = "QUARTERLY", year = 2024, period = 1, asOf = "2024-04-20" } }));
        var badPeriod = await client.PostAsync(Generate, new { input = new { kind = "QUARTERLY", year = 2024, period = 5 } });
        var yearEndWithPeriod = await client.PostAsync(Generate, new { input = new { kind = "YEAR_END", year = 2024, period = 1 } });
        var yearZero = await client.PostAsync(Generate, new { input = new { kind = "MONTHLY", year = 0, period = 1 } });
        await client.QueryAsync(Publish, new { id = first });
        var twice = await client.PostAsync(Publish, new { id = first });
        await client.QueryAsync(Publish, new { id = second });
        var list = (await client.QueryAsync("{ bulletins(year: 2024, kind: QUARTERLY) { id version published asOf } }")).GetProperty("bulletins")
            .EnumerateArray().Select(b => (b.GetProperty("id").GetString(), b.GetProperty("version").GetInt32(), b.GetProperty("published").GetBoolean(), b.GetProperty("asOf").GetString())).ToList();

        Assert.Equal([(second, 2, true, "2024-04-20"), (first, 1, false, "2024-04-06")], list);
        Assert.Equal(("BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT"), (badPeriod.ErrorCode(), yearEndWithPeriod.ErrorCode(), yearZero.ErrorCode()));
        Assert.Equal("ILLEGAL_TRANSITION", twice.ErrorCode());
    }

    [Fact]
    public async Task The_year_end_disclosure_lists_each_target_with_the_accepted_figure_and_its_completion()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 4, reportMonths: 3);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var bulletin = (await client.QueryAsync(Generate, new { input = new { kind = "YEAR_END", year = 2024 } })).GetProperty("generateBulletin");
        var figures = JsonDocument.Parse(bulletin.GetProperty("figures").GetString()!).RootElement;
        var sections = figures.GetProperty("disclosure").EnumerateArray().ToList();
        var disclosed = sections.SelectMany(s => s.GetProperty("projects").EnumerateArray()).ToList();

        // What the owner sees in the tables: each target's latest figure from an accepted report (the disclosure is public:
        // a figure only the unit head signed is not shown yet).
        var expected = (string)(await OwnerQuery.ScalarAsync(factory.OwnerConnectionString, $"""
            SELECT string_agg(i.label || '=' || coalesce((SELECT trim_scale(a.value)::text FROM report_actuals a JOIN progress_reports r ON r.id = a.report_id
                WHERE a.indicator_id = i.id AND r.status = 'Accepted' ORDER BY r.period DESC LIMIT 1), '-'), '|' ORDER BY p.sort_order, i.position)
            FROM indicators i JOIN projects p ON p.id = i.project_id WHERE p.parent_id IS NULL AND p.tenant_id = '{tenant.Tenant.Id}'
            """))!;
        var stated = string.Join("|", disclosed.SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("label").GetString() + "=" + (t.GetProperty("achieved").ValueKind == JsonValueKind.Null ? "-" : t.GetProperty("achieved").GetDecimal().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(("YEAR_END", 0), (bulletin.GetProperty("kind").GetString(), bulletin.GetProperty("period").GetInt32()));
        Assert.EndsWith("2024年民生实事项目完成情况", bulletin.GetProperty("title").GetString());
        Assert.Equal(4, disclosed.Count);
        // The disclosure groups projects by category, so the order differs from the plan's: compare as multisets.
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), stated.Split('|').Order(StringComparer.Ordinal));
        Assert.All(disclosed.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Where(t => t.GetProperty("achieved").ValueKind != JsonValueKind.Null && t.GetProperty("comparator").GetString() != "AtMost"),
            t => Assert.Equal((int)Math.Round(t.GetProperty("achieved").GetDecimal() / t.GetProperty("targetValue").GetDecimal() * 100m, MidpointRounding.AwayFromZero),
                t.GetProperty("completionPercent").GetInt32()));
        Assert.All(sections, s => Assert.Contains("民生实事", s.GetProperty("heading").GetString()));
        Assert.Empty(Validate(Convert.FromBase64String(bulletin.GetProperty("docx").GetProperty("contentBase64").GetString()!)));
    }
}
