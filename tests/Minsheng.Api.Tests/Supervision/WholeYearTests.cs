using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>A clock the test moves through the year; between moves it runs, so that sign-in and token lifetimes behave.</summary>
public sealed class TravellingClock : TimeProvider
{
    private DateTimeOffset _anchor = DateTimeOffset.UtcNow;
    private long _since = Environment.TickCount64;

    public void Set(DateTimeOffset now)
    {
        _anchor = now;
        _since = Environment.TickCount64;
    }

    public override DateTimeOffset GetUtcNow() => _anchor.ToUniversalTime().AddMilliseconds(Environment.TickCount64 - _since);
}

/// <summary>The server on its own database with a clock the test moves.</summary>
public sealed class YearFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TravellingClock Clock { get; } = new();

    public string OwnerConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => OwnerConnectionString = await PostgresCluster.CreateDemoDatabaseAsync("year");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// Issue #17 "done when": a whole year of one county through GraphQL with the real roles, on a clock that moves month by
/// month. The unit clerk files each month's reports and the unit head signs them off; the office accepts them, returns
/// one, records the lights; project B files nothing for months, turns red, is proposed for 督办, gets a notice that is
/// escalated and then closed once it catches up; project C's target is cut by a recorded decision; A completes and is
/// closed out (销号). Statuses are checked month by month, a monthly bulletin's figures against the API, and at the end
/// the published year-end disclosure is readable anonymously while the unpublished bulletin is not.
/// </summary>
public sealed class WholeYearTests(YearFactory factory) : IClassFixture<YearFactory>
{
    private const string Password = "year-2024-pass";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private sealed record Target(string Id, decimal Value, string Comparator);

    private sealed record Step(string Id, int DueMonth);

    private sealed record ProjectPlan(string Id, string LeadUnit, int DeadlineMonth, List<Target> Targets, List<Step> Milestones)
    {
        /// <summary>The target a change decision may cut: the first with a quantity to reach (not a ceiling).</summary>
        public int Adjustable => Targets.FindIndex(t => t.Comparator != "AT_MOST");
    }

    private void At(int year, int month, int day) => factory.Clock.Set(new DateTimeOffset(year, month, day, 9, 0, 0, China));

    private async Task<GraphQLClient> AsAsync(string user) => new(factory.CreateClient(), null, (await factory.SignInAsync(user, Password)).AccessToken);

    [Fact]
    public async Task A_year_of_reports_supervision_changes_and_disclosure()
    {
        At(2024, 1, 2);
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 3, reportMonths: 0);
        var region = tenant.Tenant.RegionCode;
        var setup = new GraphQLClient(factory.CreateClient(), region);
        var projects = (await setup.QueryAsync("""
            { projects(first: 10) { nodes { id deadline { date } leadUnit { id } indicators { id targetValue comparator }
              milestones { id due { date } } } } }
            """)).GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Select(p => new ProjectPlan(p.GetProperty("id").GetString()!, p.GetProperty("leadUnit").GetProperty("id").GetString()!,
                DateOnly.Parse(p.GetProperty("deadline").GetProperty("date").GetString()!, CultureInfo.InvariantCulture).Month,
                p.GetProperty("indicators").EnumerateArray().Select(i => new Target(i.GetProperty("id").GetString()!, i.GetProperty("targetValue").GetDecimal(),
                    i.GetProperty("comparator").GetString()!)).ToList(),
                p.GetProperty("milestones").EnumerateArray().Select(m => new Step(m.GetProperty("id").GetString()!,
                    DateOnly.Parse(m.GetProperty("due").GetProperty("date").GetString()!, CultureInfo.InvariantCulture).Month)).ToList()))
            .ToList();
        Assert.Equal(3, projects.Count);
        var (a, b, c) = (projects[0], projects[1], projects[2]);

        // The people: the office, and one clerk and one head bound to the lead units.
        var units = projects.Select(p => p.LeadUnit).Distinct().ToArray();
        const string CreateUser = "mutation($u: String!, $roles: [String!], $units: [ID!]) { createUser(input: { userName: $u, displayName: $u, password: \"" + Password + "\", roles: $roles, unitIds: $units }) { id } }";
        await setup.QueryAsync(CreateUser, new { u = $"{region}-office", roles = new[] { "supervisor" }, units = Array.Empty<string>() });
        await setup.QueryAsync(CreateUser, new { u = $"{region}-clerk", roles = new[] { "unit_clerk" }, units });
        await setup.QueryAsync(CreateUser, new { u = $"{region}-head", roles = new[] { "unit_head" }, units });

        var statuses = projects.ToDictionary(p => p.Id, _ => new List<string>());
        string? noticeB = null;
        var bFiledThrough = 0;

        for (var month = 1; month <= 12; month++)
        {
            // The 3rd of the following month: the month's reports are written, signed and accepted before the 5th.
            var today = new DateOnly(2024, 1, 3).AddMonths(month);
            At(today.Year, today.Month, today.Day);
            var office = await AsAsync($"{region}-office");
            var clerk = await AsAsync($"{region}-clerk");
            var head = await AsAsync($"{region}-head");

            if (month <= a.DeadlineMonth) await FileAsync(clerk, head, office, a, month, share: 1m, returnOnce: month == 3); // closed out after
            await FileAsync(clerk, head, office, c, month, share: month < 7 ? 0.9m : 1m, returnOnce: false);
            await MarkMilestonesAsync(clerk, a, month, today);
            await MarkMilestonesAsync(clerk, c, month, today);

            // B files nothing until its 督办 is escalated (May), then catches up and keeps up.
            if (month >= 5)
            {
                for (var m = bFiledThrough + 1; m <= month; m++) await FileAsync(clerk, head, office, b, m, share: 1m, returnOnce: false);
                bFiledThrough = month;
                await MarkMilestonesAsync(clerk, b, month, today);
            }

            await office.QueryAsync("mutation($d: DateOnly) { recordLights(input: { asOf: $d }) { assessed } }", new { d = Day(today) });

            if (month == 3)
            {
                // Red since early March: proposed for 督办 on 3 April; issued, signed for, answered.
                var candidates = (await office.QueryAsync("{ supervisionCandidates { project { id } } }")).GetProperty("supervisionCandidates")
                    .EnumerateArray().Select(x => x.GetProperty("project").GetProperty("id").GetString()).ToList();
                Assert.Contains(b.Id, candidates);
                Assert.DoesNotContain(a.Id, candidates);
                noticeB = (await office.QueryAsync("""
                    mutation($p: ID!) { issueSupervisionNotice(input: { projectId: $p, problem: "1—3月月报未报送，无进展", requirement: "4月底前补报并开工", rectifyBy: "2024-04-30" }) { id } }
                    """, new { p = b.Id })).GetProperty("issueSupervisionNotice").GetProperty("id").GetString();
                await clerk.QueryAsync("mutation($id: ID!) { acknowledgeSupervisionNotice(input: { id: $id }) { id } }", new { id = noticeB });
                await head.QueryAsync("mutation($id: ID!) { replyToSupervisionNotice(input: { id: $id, measures: \"已落实施工单位，4月开工\" }) { id } }", new { id = noticeB });
            }
            if (month == 4)
            {
                // Nothing filed by the re-check on 3 May: escalated; the escalation is closed in June once B caught up.
                noticeB = (await office.QueryAsync("""
                    mutation($id: ID!) { reviewSupervisionNotice(input: { id: $id, outcome: ESCALATE, comment: "复核：仍未报送、未开工", rectifyBy: "2024-05-31" }) { id level } }
                    """, new { id = noticeB })).GetProperty("reviewSupervisionNotice").GetProperty("id").GetString();
            }
            if (month == 5)
            {
                await clerk.QueryAsync("mutation($id: ID!) { acknowledgeSupervisionNotice(input: { id: $id }) { id } }", new { id = noticeB });
                await clerk.QueryAsync("mutation($id: ID!) { replyToSupervisionNotice(input: { id: $id, measures: \"1—5月月报已补报，进度已追平\" }) { id } }", new { id = noticeB });
                var closed = (await office.QueryAsync("mutation($id: ID!) { reviewSupervisionNotice(input: { id: $id, outcome: CLOSE, comment: \"复核通过\" }) { status level } }",
                    new { id = noticeB })).GetProperty("reviewSupervisionNotice");
                Assert.Equal(("CLOSED", 2), (closed.GetProperty("status").GetString(), closed.GetProperty("level").GetInt32()));
            }
            if (month == 7)
            {
                // C's first target to reach is cut to what it reached (90 %), by a recorded decision with the congress's reference.
                var cut = c.Targets[c.Adjustable] with { Value = Math.Round(c.Targets[c.Adjustable].Value * 0.9m, 2) };
                await office.QueryAsync("""
                    mutation($input: DecideProjectChangeInput!) { decideProjectChange(input: $input) { kind } }
                    """, new { input = new { projectId = c.Id, kind = "TARGET_ADJUSTED", indicatorId = cut.Id, targetValue = cut.Value,
                        reason = "上级资金缩减", approver = "县政府第8次常务会议", congressReference = "县人大常委会〔2024〕12号", decidedOn = Day(today) } });
                c.Targets[c.Adjustable] = cut;
            }
            if (month == 6)
            {
                // June's 通报, generated on 3 July: its figures are the API's for the same day.
                var bulletin = (await office.QueryAsync("mutation($d: DateOnly) { generateBulletin(input: { kind: MONTHLY, year: 2024, period: 6, asOf: $d }) { figures } }",
                    new { d = Day(today) })).GetProperty("generateBulletin");
                var figures = JsonDocument.Parse(bulletin.GetProperty("figures").GetString()!).RootElement;
                var lights = (await office.QueryAsync("query($d: DateOnly) { projects(first: 10) { nodes { assessment(asOf: $d) { light } } } }", new { d = Day(today) }))
                    .GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("assessment").GetProperty("light").GetString()).ToList();
                foreach (var light in new[] { "Green", "Yellow", "Red" })
                    Assert.Equal(lights.Count(l => l == light.ToUpperInvariant()), figures.GetProperty("byLight").GetProperty(light).GetInt32());
                Assert.Equal((2, 1, 1), (figures.GetProperty("notices").GetProperty("issued").GetInt32(), figures.GetProperty("notices").GetProperty("closed").GetInt32(),
                    figures.GetProperty("notices").GetProperty("escalated").GetInt32()));
            }

            var assessed = (await office.QueryAsync("query($d: DateOnly) { projects(first: 10) { nodes { id assessment(asOf: $d) { status light } } } }", new { d = Day(today) }))
                .GetProperty("projects").GetProperty("nodes").EnumerateArray();
            foreach (var p in assessed)
                statuses[p.GetProperty("id").GetString()!].Add(p.GetProperty("assessment").GetProperty("status").GetString()!);

            if (month == a.DeadlineMonth)
            {
                var closedOut = (await office.QueryAsync("mutation($p: ID!) { closeOutProject(input: { projectId: $p, note: \"验收合格，统计局认定完成\" }) { state closedOutBy } }",
                    new { p = a.Id })).GetProperty("closeOutProject");
                Assert.Equal(("CLOSED_OUT", $"user:{region}-office"), (closedOut.GetProperty("state").GetString(), closedOut.GetProperty("closedOutBy").GetString()));
            }
        }

        // Month by month: A on track until its deadline month, then completed; B not started, then lagging until the 督办
        // made it catch up; C completed once its target was cut to what it had reached.
        Assert.All(statuses.Values, s => Assert.Equal(12, s.Count));
        var sa = statuses[a.Id];
        Assert.All(sa.Take(a.DeadlineMonth - 1), s => Assert.Equal("ON_TRACK", s));
        Assert.All(sa.Skip(a.DeadlineMonth - 1), s => Assert.Equal("COMPLETED", s));
        var sb = statuses[b.Id];
        Assert.Equal("NOT_STARTED", sb[0]);
        Assert.All(sb.Skip(1).Take(3), s => Assert.Equal("LAGGING", s));
        Assert.All(sb.Skip(4).Take(b.DeadlineMonth - 5), s => Assert.Equal("ON_TRACK", s));
        Assert.All(sb.Skip(Math.Max(4, b.DeadlineMonth - 1)), s => Assert.Equal("COMPLETED", s));
        var sc = statuses[c.Id];
        Assert.All(sc.Skip(Math.Max(6, c.DeadlineMonth - 1)), s => Assert.Equal("COMPLETED", s));

        // The light history shows B's red spell with its start.
        var history = (await (await AsAsync($"{region}-office")).QueryAsync("query($p: ID!) { project(id: $p) { lightHistory { light since } } }", new { p = b.Id }))
            .GetProperty("project").GetProperty("lightHistory").EnumerateArray().Select(h => (h.GetProperty("light").GetString(), h.GetProperty("since").GetString())).ToList();
        Assert.Contains(("RED", "2024-03-03"), history);

        // Year end: the disclosure is generated, published and readable by anyone; the unpublished June 通报 is not.
        At(2025, 1, 10);
        var officeAtYearEnd = await AsAsync($"{region}-office");
        var yearEnd = (await officeAtYearEnd.QueryAsync("mutation { generateBulletin(input: { kind: YEAR_END, year: 2024 }) { id title figures } }")).GetProperty("generateBulletin");
        var yearFigures = JsonDocument.Parse(yearEnd.GetProperty("figures").GetString()!).RootElement;
        Assert.Equal(3, yearFigures.GetProperty("completedProjects").GetInt32());
        await officeAtYearEnd.QueryAsync("mutation($id: ID!) { publishBulletin(input: { id: $id }) { published } }", new { id = yearEnd.GetProperty("id").GetString() });
        var anonymous = new GraphQLClient(factory.CreateClient(), null);
        var disclosure = (await anonymous.QueryAsync("query($r: String!) { publicDisclosure(regionCode: $r) { bulletins { kind title } plans { projects { state targets { achieved completionPercent } } } } }",
            new { r = region })).GetProperty("publicDisclosure");
        Assert.Equal([("YEAR_END", yearEnd.GetProperty("title").GetString())],
            disclosure.GetProperty("bulletins").EnumerateArray().Select(x => (x.GetProperty("kind").GetString(), x.GetProperty("title").GetString())));
        var publicProjects = disclosure.GetProperty("plans")[0].GetProperty("projects").EnumerateArray().ToList();
        Assert.Contains(publicProjects, p => p.GetProperty("state").GetString() == "ClosedOut");
        Assert.All(publicProjects.SelectMany(p => p.GetProperty("targets").EnumerateArray()), t => Assert.NotEqual(JsonValueKind.Null, t.GetProperty("achieved").ValueKind));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The month's report: cumulative figures in proportion to the time to the deadline (all of it from then on), the first
    /// target's scaled by <paramref name="share"/>; signed and accepted.
    /// </summary>
    private static async Task FileAsync(GraphQLClient clerk, GraphQLClient head, GraphQLClient office, ProjectPlan p, int month, decimal share, bool returnOnce)
    {
        var done = Math.Min(1m, (decimal)month / p.DeadlineMonth) * share;
        var actuals = p.Targets.Select((t, i) => new { indicatorId = t.Id,
            value = t.Comparator == "AT_MOST" ? t.Value : Math.Round(t.Value * done * (i == p.Adjustable ? share : 1m), 2) }).ToArray();
        object Draft(string progress) => new { input = new { projectId = p.Id, period = $"2024-{month:00}", progress, actuals } };
        const string Save = "mutation($input: SaveReportDraftInput!) { saveReportDraft(input: $input) { id } }";
        var id = (await clerk.QueryAsync(Save, Draft($"{month}月按计划推进"))).GetProperty("saveReportDraft").GetProperty("id").GetString();
        await clerk.QueryAsync("mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", new { id });
        await head.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id });
        if (returnOnce)
        {
            var returned = (await office.QueryAsync("mutation($id: ID!) { returnReport(input: { id: $id, reason: \"缺少现场照片\" }) { status } }", new { id }))
                .GetProperty("returnReport");
            Assert.Equal("RETURNED", returned.GetProperty("status").GetString());
            await clerk.QueryAsync(Save, Draft($"{month}月按计划推进，附现场照片"));
            await clerk.QueryAsync("mutation($id: ID!) { submitReport(input: { id: $id }) { id } }", new { id });
            await head.QueryAsync("mutation($id: ID!) { approveReport(input: { id: $id }) { id } }", new { id });
        }
        await office.QueryAsync("mutation($id: ID!) { acceptReport(input: { id: $id }) { id } }", new { id });
    }

    private static async Task MarkMilestonesAsync(GraphQLClient clerk, ProjectPlan p, int month, DateOnly today)
    {
        foreach (var step in p.Milestones.Where(s => s.DueMonth <= month))
        {
            var achievedOn = step.DueMonth == month ? new DateOnly(2024, month, 20) : today;
            await clerk.QueryAsync("mutation($id: ID!, $on: DateOnly!) { markMilestoneAchieved(input: { id: $id, achievedOn: $on, evidence: \"现场验收记录\" }) { id } }",
                new { id = step.Id, on = Day(achievedOn) });
        }
        p.Milestones.RemoveAll(s => s.DueMonth <= month);
    }
}
