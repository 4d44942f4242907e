using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// Issue #17 §8 in Production: anyone, signed in or not, reads what a tenant published — its published plan with the
/// figures the office accepted, and its published bulletins — and nothing else: not a draft plan, not an unpublished
/// bulletin, not another tenant's, and no way from the public types into the signed-in API.
/// </summary>
public sealed class PublicDisclosureTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Disclosure = """
        query($region: String!) { publicDisclosure(regionCode: $region) { regionCode name
          plans { year title approval projects { sequence name deadline leadUnits state latestPeriod targets { label targetValue unit achieved completionPercent } } }
          bulletins { kind year period version title html docx { fileName contentBase64 } } } }
        """;

    [Fact]
    public async Task Anyone_reads_exactly_what_was_published()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        var admin = await factory.SignedInAsync("411302-tenant-admin");
        const string Generate = "mutation($p: Int!) { generateBulletin(input: { kind: MONTHLY, year: 2024, period: $p }) { id title } }";
        var published = (await office.QueryAsync(Generate, new { p = 2 })).GetProperty("generateBulletin");
        var unpublished = (await office.QueryAsync(Generate, new { p = 3 })).GetProperty("generateBulletin");
        await office.QueryAsync("mutation($id: ID!) { publishBulletin(input: { id: $id }) { published } }", new { id = published.GetProperty("id").GetString() });
        await admin.QueryAsync("mutation { createPlan(input: { year: 2025, title: \"2025年民生实事项目计划（征求意见稿）\" }) { id } }");

        var anonymous = new GraphQLClient(factory.CreateClient(), null);
        var view = (await anonymous.QueryAsync(Disclosure, new { region = "411302" })).GetProperty("publicDisclosure");
        var sibling = (await anonymous.QueryAsync(Disclosure, new { region = "411303" })).GetProperty("publicDisclosure");
        var nobody = (await anonymous.QueryAsync(Disclosure, new { region = "999999" })).GetProperty("publicDisclosure");
        var internalList = await anonymous.PostAsync("{ bulletins { id } }");
        var internalNode = await anonymous.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = unpublished.GetProperty("id").GetString() });

        var plans = view.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal("411302", view.GetProperty("regionCode").GetString());
        Assert.Single(plans); // the published 2024 plan; the 2025 draft is not there
        Assert.Equal(2024, plans[0].GetProperty("year").GetInt32());
        Assert.DoesNotContain("征求意见稿", view.GetRawText());
        var bulletins = view.GetProperty("bulletins").EnumerateArray().ToList();
        Assert.Equal([published.GetProperty("title").GetString()], bulletins.Select(b => b.GetProperty("title").GetString()));
        Assert.Contains("一、总体情况", bulletins[0].GetProperty("html").GetString());
        Assert.NotEmpty(Convert.FromBase64String(bulletins[0].GetProperty("docx").GetProperty("contentBase64").GetString()!));
        Assert.DoesNotContain(sibling.GetProperty("bulletins").EnumerateArray(), b => b.GetProperty("title").GetString() == published.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, nobody.ValueKind);
        Assert.True(internalList.HasErrors);
        Assert.True(internalNode.HasErrors || internalNode.Data.GetProperty("node").ValueKind == JsonValueKind.Null);

        // Progress is what the supervision office accepted: the latest accepted figure of each target, never a draft's.
        var expected = (string)(await factory.OwnerScalarAsync("""
            SELECT string_agg(coalesce((SELECT trim_scale(a.value)::text FROM report_actuals a JOIN progress_reports r ON r.id = a.report_id
                WHERE a.indicator_id = i.id AND r.status = 'Accepted' ORDER BY r.period DESC LIMIT 1), '-'), '|' ORDER BY p.sort_order, i.position)
            FROM indicators i JOIN projects p ON p.id = i.project_id JOIN plans pl ON pl.id = p.plan_id JOIN tenants t ON t.id = p.tenant_id
            WHERE p.parent_id IS NULL AND t.region_code = '411302' AND pl.status = 'Published'
            """))!;
        var stated = string.Join("|", plans[0].GetProperty("projects").EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("achieved").ValueKind == JsonValueKind.Null ? "-" : t.GetProperty("achieved").GetDecimal().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, stated);
        Assert.Contains("-", expected.Split('|')); // some figures are only in reports not yet accepted, and are not shown
    }

    [Fact]
    public void No_public_type_leads_into_the_signed_in_api()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var reached = new HashSet<string>();
        void Walk(IGraphType type)
        {
            var named = type.GetNamedType();
            if (!reached.Add(named.Name) || named is not IComplexGraphType complex) return;
            foreach (var field in complex.Fields) Walk(field.ResolvedType!);
        }
        Walk(schema.Query.GetField("publicDisclosure")!.ResolvedType!);

        var objects = reached.Where(n => schema.AllTypes[n] is IObjectGraphType).ToList();
        Assert.All(objects, n => Assert.True(n.StartsWith("Public", StringComparison.Ordinal) || n == "ExportedFile", $"{n} is reachable from publicDisclosure"));
        Assert.All(objects, n => Assert.Null(((IObjectGraphType)schema.AllTypes[n]!).GetField("id")));
        Assert.Contains("PublicBulletin", objects);
    }
}
