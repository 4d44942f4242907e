using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using Minsheng.Identity.Development;
using Xunit.Abstractions;

namespace Minsheng.Browser.Tests;

/// <summary>
/// Issue 19 in a real browser: people sign in through the console (authorization code + PKCE on the server's own
/// sign-in page), and do their month's work with it; the public page is read without signing in, at a phone's width.
/// Each page visited is saved as a screenshot (artifacts/browser).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(ConsoleServer server, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "411302";

    /// <summary>Uncaught script errors and content-security-policy refusals on any page a test opened: each fails the test.</summary>
    private readonly List<string> _pageFaults = [];

    private async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await chromium.Browser.NewContextAsync(options);
        context.Page += (_, page) =>
        {
            page.PageError += (_, error) => { lock (_pageFaults) _pageFaults.Add($"{page.Url}: {error}"); };
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal)))
                    lock (_pageFaults) _pageFaults.Add($"{page.Url}: {message.Text}");
            };
        };
        return context;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Assert.True(_pageFaults.Count == 0, string.Join("\n", _pageFaults));
        return Task.CompletedTask;
    }

    private async Task<IPage> SignedInAsync(string userName, ViewportSize? viewport = null)
    {
        var context = await NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = viewport ?? new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            // The form, not every subresource: once, in CI on two busy cores, the sign-in page's load event did not come
            // within 30 s although the page was there (the network had gone idle); filling the form waits for its fields.
            await page.WaitForURLAsync("**/account/login**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            for (var attempt = 1; ; attempt++)
            {
                await page.GetByLabel("用户名").FillAsync(userName);
                await page.GetByLabel("密码").FillAsync(DevelopmentAccounts.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
                try
                {
                    // Attached, not visible: at a phone's width the navigation is folded behind its menu button.
                    await page.Locator("nav#nav").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                    return page;
                }
                catch (TimeoutException) when (attempt == 1)
                {
                    // Seen once in CI with both test assemblies on two cores: the sign-in page came back empty, without a
                    // message, as if the sign-in had not been seen (not found since). A person signs in again; so does the test,
                    // once: anything else, or a sign-in that fails twice, fails the test.
                    if (!page.Url.Contains("/account/login", StringComparison.Ordinal) || await page.GetByLabel("用户名").InputValueAsync() != "") throw;
                    await ShotAsync(page, $"sign-in-repeated-{userName}");
                }
            }
        }
        catch (TimeoutException e)
        {
            await ShotAsync(page, $"sign-in-failed-{userName}");
            throw new TimeoutException($"Signing in {userName} stopped at {page.Url}: {(await page.InnerTextAsync("body"))[..Math.Min(400, (await page.InnerTextAsync("body")).Length)]}", e);
        }
    }

    /// <summary>
    /// The demo clerk's unit (the demo binds the clerk to its tenant's busiest lead unit) and the 2024 top-level projects
    /// it leads, in the API's order: the tests share them out (the report test takes the first, the phone test the
    /// second, the 督办 test the last).
    /// </summary>
    private async Task<(string Unit, List<JsonElement> Led)> ClerksProjectsAsync()
    {
        var users = await server.DeveloperQueryAsync(Tenant, "{ users { userName unitIds } }");
        var unit = users.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == $"{Tenant}-unit-clerk")
            .GetProperty("unitIds")[0].GetString()!;
        var projects = await server.DeveloperQueryAsync(Tenant,
            "query($u: ID) { projects(first: 100, filter: { unitId: $u, topLevelOnly: true, year: 2024 }) { nodes { id name leadUnits { id } } } }", new { u = unit });
        var led = projects.GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Where(p => p.GetProperty("leadUnits").EnumerateArray().Any(l => l.GetProperty("id").GetString() == unit)).ToList();
        Assert.True(led.Count >= 3, $"the clerk's unit leads {led.Count} projects");
        return (unit, led);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_clerk_files_a_month_through_a_network_drop_the_head_signs_it_and_the_office_accepts_it()
    {
        var project = (await ClerksProjectsAsync()).Led[0];
        var projectId = project.GetProperty("id").GetString()!;
        var projectName = project.GetProperty("name").GetString()!;

        var clerk = await SignedInAsync($"{Tenant}-unit-clerk");
        await clerk.GotoAsync($"/projects/{Uri.EscapeDataString(projectId)}");
        await clerk.GetByRole(AriaRole.Heading, new() { Name = projectName }).WaitForAsync();
        await ShotAsync(clerk, "project-detail");
        var fileLink = clerk.GetByRole(AriaRole.Link, new() { NameRegex = new("^填报.*月报$") });
        var linkText = await fileLink.InnerTextAsync();
        // The month offered, e.g. "2024年4月": a queue may hold other months of the same project too.
        var month = System.Text.RegularExpressions.Regex.Match(linkText, @"\d{4}年\d{1,2}月").Value;
        await fileLink.ClickAsync();
        await clerk.GetByLabel("工作进展").FillAsync("已完成主体工程的百分之六十。");
        await clerk.GetByLabel("存在问题").FillAsync("雨季影响施工。");

        // The network drops: saving fails with the reason shown, and the draft stays in the browser through a reload.
        await clerk.Context.SetOfflineAsync(true);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Alert)).ToContainTextAsync("无法连接服务器");
        await ShotAsync(clerk, "report-form-offline");
        await clerk.Context.SetOfflineAsync(false);
        await clerk.ReloadAsync();
        await Assertions.Expect(clerk.GetByText("这是保存在本机、尚未提交到服务器的草稿。")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByLabel("工作进展")).ToHaveValueAsync("已完成主体工程的百分之六十。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("已报送，待单位负责人审签").First).ToBeVisibleAsync();
        await ShotAsync(clerk, "report-submitted");

        // The unit head signs it off from the review queue; the supervision office accepts it from its own.
        var head = await SignedInAsync($"{Tenant}-unit-head");
        await head.GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        // Projects may share a name (三个“城镇新增就业”): the card is the one linking to this project.
        var cardSelector = $"li.card:has(a[href=\"/projects/{Uri.EscapeDataString(projectId)}\"])";
        var card = head.Locator(cardSelector, new() { HasText = month });
        await Assertions.Expect(card).ToContainTextAsync("已完成主体工程的百分之六十。");
        await ShotAsync(head, "review-unit-head");
        await card.GetByRole(AriaRole.Button, new() { Name = "审签通过" }).ClickAsync();
        await Assertions.Expect(head.Locator(cardSelector, new() { HasText = month })).ToHaveCountAsync(0);

        var office = await SignedInAsync($"{Tenant}-supervisor");
        await office.GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        var approved = office.Locator(cardSelector, new() { HasText = month });
        await Assertions.Expect(approved).ToBeVisibleAsync();
        await ShotAsync(office, "review-supervision-office");
        await approved.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(office.Locator(cardSelector, new() { HasText = month })).ToHaveCountAsync(0);

        // What the server now holds: the month the link offered, accepted, with the clerk's words.
        var period = System.Text.RegularExpressions.Regex.Match(linkText, @"(\d{4})年(\d{1,2})月") is { Success: true } m
            ? $"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value):00}" : throw new InvalidOperationException(linkText);
        var reports = await server.DeveloperQueryAsync(Tenant, "query($id: ID!) { project(id: $id) { reports { period status progress problems submittedBy approvedBy acceptedBy } } }", new { id = projectId });
        var report = reports.GetProperty("project").GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("period").GetString() == period);
        Assert.Equal("ACCEPTED", report.GetProperty("status").GetString());
        Assert.Equal("已完成主体工程的百分之六十。", report.GetProperty("progress").GetString());
        Assert.Equal("雨季影响施工。", report.GetProperty("problems").GetString());
        Assert.Contains($"{Tenant}-unit-clerk", report.GetProperty("submittedBy").GetString());
        Assert.Contains($"{Tenant}-unit-head", report.GetProperty("approvedBy").GetString());
        Assert.Contains($"{Tenant}-supervisor", report.GetProperty("acceptedBy").GetString());
    }

    [Fact]
    public async Task The_project_table_filters_and_pages_and_the_initial_javascript_stays_small()
    {
        var page = await SignedInAsync($"{Tenant}-supervisor");
        // The sign-in lands on the dashboard: its chunks arrive first, so that they are not counted as the table's.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var scripts = new List<string>();
        page.Response += (_, r) => { if (r.Url.EndsWith(".js", StringComparison.Ordinal)) scripts.Add(r.Url); };

        // Straight to the table, as a bookmark would: the time until its rows are there, and the script that came with it.
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/projects");
        await page.Locator("table.projects tbody tr").First.WaitForAsync();
        var ready = clock.ElapsedMilliseconds;
        long gzipped = 0;
        using (var http = new HttpClient())
            foreach (var script in scripts.Distinct()) gzipped += GzipSize(await http.GetByteArrayAsync(script));
        output.WriteLine($"project table usable after {ready} ms; JavaScript loaded: {scripts.Count} files, {gzipped / 1024.0:F1} kB gzip");
        Assert.DoesNotContain(scripts, s => s.Contains("DashboardPage", StringComparison.Ordinal));
        Assert.True(gzipped < 300 * 1024, $"the signed-in shell loads {gzipped} bytes of JavaScript (gzip)");
        await ShotAsync(page, "projects");

        var total = await server.DeveloperQueryAsync(Tenant, "{ projects(filter: { topLevelOnly: true }) { totalCount } }");
        await Assertions.Expect(page.GetByText($"共 {total.GetProperty("projects").GetProperty("totalCount").GetInt32()} 项")).ToBeVisibleAsync();
        var rows = await page.Locator("table.projects tbody tr").CountAsync();
        Assert.Equal(Math.Min(20, total.GetProperty("projects").GetProperty("totalCount").GetInt32()), rows);

        // A search narrows the table to what the API finds for the same text.
        await page.GetByLabel("搜索").FillAsync("就业");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var found = await server.DeveloperQueryAsync(Tenant, "{ projects(first: 100, filter: { topLevelOnly: true, search: \"就业\" }) { totalCount } }");
        var expected = found.GetProperty("projects").GetProperty("totalCount").GetInt32();
        Assert.True(expected > 0);
        await Assertions.Expect(page.GetByText($"共 {expected} 项")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.projects tbody tr")).ToHaveCountAsync(Math.Min(20, expected));
        Assert.Contains("q=", page.Url);

        // The dashboard is its own chunk, with its charts.
        await page.GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await Assertions.Expect(page.Locator(".chart canvas").First).ToBeVisibleAsync();
        Assert.Contains(scripts, s => s.Contains("DashboardPage", StringComparison.Ordinal));
        await ShotAsync(page, "dashboard");
    }

    [Fact]
    public async Task An_error_from_the_api_is_shown_with_its_message_and_a_project_of_another_tenant_is_not_there()
    {
        var page = await SignedInAsync($"{Tenant}-unit-clerk");
        // Not a global id at all: the API's refusal, in words, with its code.
        await page.GotoAsync("/projects/not-an-id");
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await alert.InnerTextAsync()));
        await ShotAsync(page, "error-state");

        // Another county's project: as if it did not exist.
        var other = await server.DeveloperQueryAsync("411303", "{ projects(first: 1) { nodes { id } } }");
        await page.GotoAsync($"/projects/{Uri.EscapeDataString(other.GetProperty("projects").GetProperty("nodes")[0].GetProperty("id").GetString()!)}");
        await Assertions.Expect(page.GetByText("没有这个项目，或它不属于当前地区。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_public_page_shows_what_the_county_published_without_signing_in_at_a_phones_width()
    {
        var context = await NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/public/{Tenant}");
        var published = await server.DeveloperQueryAsync(Tenant, $"{{ publicDisclosure(regionCode: \"{Tenant}\") {{ name plans {{ title projects {{ name }} }} }} }}");
        var disclosure = published.GetProperty("publicDisclosure");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{disclosure.GetProperty("name").GetString()}民生实事公开" })).ToBeVisibleAsync();
        var plan = disclosure.GetProperty("plans")[0];
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = plan.GetProperty("title").GetString()! })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".public-projects > li")).ToHaveCountAsync(plan.GetProperty("projects").GetArrayLength());
        // Fits the phone: nothing wider than the screen.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
        // No token was ever sent.
        Assert.Empty(await page.EvaluateAsync<JsonElement>("Object.keys(sessionStorage)") is { ValueKind: JsonValueKind.Array } keys ? keys.EnumerateArray().ToArray() : []);
        await ShotAsync(page, "public-phone");
    }

    [Fact]
    public async Task The_office_generates_a_bulletin_previews_it_publishes_it_and_anyone_reads_it_on_the_public_page()
    {
        var office = await SignedInAsync($"{Tenant}-supervisor");
        await office.GetByRole(AriaRole.Link, new() { Name = "通报" }).ClickAsync();
        await office.GetByLabel("类型").SelectOptionAsync("MONTHLY");
        await office.GetByLabel("月份").SelectOptionAsync("3");
        var before = await office.Locator("table.bulletins tbody tr").CountAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "生成" }).ClickAsync();
        await Assertions.Expect(office.Locator("table.bulletins tbody tr")).ToHaveCountAsync(before + 1);
        // The newest version is listed first (newest period and version first).
        var row = office.Locator("table.bulletins tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("未公开");
        var title = (await row.Locator("td").First.InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(office.FrameLocator("iframe[title='通报预览']").Locator("body")).ToContainTextAsync("通报");
        await ShotAsync(office, "bulletin-preview");

        // Not published yet: the public page does not have it.
        var context = await NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync($"/public/{Tenant}");
        await visitor.GetByRole(AriaRole.Heading, new() { Name = "通报与报告" }).WaitForAsync();
        await Assertions.Expect(visitor.Locator("details.bulletin summary", new() { HasText = title })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = "公开" }).ClickAsync();
        await Assertions.Expect(office.Locator("table.bulletins tbody tr").First).ToContainTextAsync("已公开");
        await visitor.ReloadAsync();
        var published = visitor.Locator("details.bulletin summary", new() { HasText = title });
        await Assertions.Expect(published).ToHaveCountAsync(1);
        await published.ClickAsync();
        await Assertions.Expect(visitor.FrameLocator($"iframe[title='{title}']").Locator("body")).ToContainTextAsync("通报");
        await ShotAsync(visitor, "public-bulletin");
    }

    [Fact]
    public async Task A_supervision_notice_goes_from_the_office_to_the_unit_and_back_until_it_is_closed()
    {
        // The last project of the clerk's unit. The demo's light history is too short for the rules to propose candidates,
        // so the office starts from the project's page.
        var projectId = (await ClerksProjectsAsync()).Led[^1].GetProperty("id").GetString()!;
        var projectLink = $"a[href=\"/projects/{Uri.EscapeDataString(projectId)}\"]";

        var office = await SignedInAsync($"{Tenant}-supervisor");
        await office.GotoAsync($"/projects/{Uri.EscapeDataString(projectId)}");
        await office.GetByRole(AriaRole.Link, new() { Name = "下发督办" }).ClickAsync();
        var form = office.Locator("li.candidate");
        // The problem is filled in from the light's reasons; the requirement is the office's.
        await Assertions.Expect(form.GetByLabel("存在问题")).Not.ToBeEmptyAsync();
        await form.GetByLabel("整改要求").FillAsync("十日内制定赶进度方案并报督查室。");
        await ShotAsync(office, "supervision-issue");
        await form.GetByRole(AriaRole.Button, new() { Name = "下发督办" }).ClickAsync();
        var notice = office.Locator($"li.notice:has({projectLink})");
        await Assertions.Expect(notice).ToContainTextAsync("已下发，待签收");

        var clerk = await SignedInAsync($"{Tenant}-unit-clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "督办" }).ClickAsync();
        var received = clerk.Locator($"li.notice:has({projectLink})");
        await received.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(received).ToContainTextAsync("已签收，待反馈");
        await received.GetByLabel("整改措施及成效").FillAsync("已增派两个施工队，倒排工期。");
        await received.GetByRole(AriaRole.Button, new() { Name = "反馈" }).ClickAsync();
        await Assertions.Expect(received).ToContainTextAsync("已反馈，待复核");
        await ShotAsync(clerk, "supervision-unit");

        await office.ReloadAsync();
        await notice.GetByLabel("复核意见").FillAsync("措施到位，同意办结。");
        await notice.GetByRole(AriaRole.Button, new() { Name = "复核通过，办结" }).ClickAsync();
        await Assertions.Expect(office.Locator($"li.notice:has({projectLink})")).ToHaveCountAsync(0);
        await Assertions.Expect(office.Locator("table", new() { HasText = "措施到位，同意办结。" })).ToBeVisibleAsync();
        await ShotAsync(office, "supervision-closed");

        var stored = await server.DeveloperQueryAsync(Tenant, "query($id: ID!) { project(id: $id) { supervisionNotices { status measures reviewComment acknowledgedBy } } }", new { id = projectId });
        var last = stored.GetProperty("project").GetProperty("supervisionNotices").EnumerateArray().Last();
        Assert.Equal("CLOSED", last.GetProperty("status").GetString());
        Assert.Equal("已增派两个施工队，倒排工期。", last.GetProperty("measures").GetString());
        Assert.Equal("措施到位，同意办结。", last.GetProperty("reviewComment").GetString());
        Assert.Contains($"{Tenant}-unit-clerk", last.GetProperty("acknowledgedBy").GetString());
    }

    [Fact]
    public async Task A_plan_document_is_previewed_with_its_findings_and_imported_once_confirmed()
    {
        const string County = "411303";
        var seed = Path.Combine(Chromium.RepositoryRoot(), "..", "shared", "seeds", "003_e2b3581a32b51649.txt");
        var page = await SignedInAsync($"{County}-tenant-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入" }).ClickAsync();
        await page.GetByLabel("计划文件").SetInputFilesAsync(seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "读取并预览" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview")).ToContainTextAsync("共 17 个项目");
        await Assertions.Expect(page.Locator(".draft-table")).ToContainTextAsync("泾政办发〔2023〕4号");
        await ShotAsync(page, "import-preview");
        // Nothing was written by the preview.
        var before = await server.DeveloperQueryAsync(County, "{ plans { year } }");
        Assert.DoesNotContain(before.GetProperty("plans").EnumerateArray(), p => p.GetProperty("year").GetInt32() == 2023);

        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("17 个项目");
        var after = await server.DeveloperQueryAsync(County, "{ plans { id year status documentNumber } }");
        var plan = after.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("DRAFT", plan.GetProperty("status").GetString());
        Assert.Equal("泾政办发〔2023〕4号", plan.GetProperty("documentNumber").GetString());
        // The plan's projects (top level; the 17 count sub-items too), as the API lists them.
        var listed = await server.DeveloperQueryAsync(County, "query($p: ID) { projects(filter: { planId: $p, topLevelOnly: true }) { totalCount } }", new { p = plan.GetProperty("id").GetString() });
        await page.GetByRole(AriaRole.Link, new() { Name = "查看项目" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"共 {listed.GetProperty("projects").GetProperty("totalCount").GetInt32()} 项")).ToBeVisibleAsync();
        await ShotAsync(page, "import-done");
        // Among the county's plans, as a draft.
        await page.GetByRole(AriaRole.Link, new() { Name = "计划", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.plans tbody tr", new() { HasText = "泾政办发〔2023〕4号" })).ToContainTextAsync("草稿");
        await ShotAsync(page, "plans");
    }

    [Fact]
    public async Task A_provincial_analyst_rolls_up_the_province_drills_down_to_a_city_and_cannot_see_above_a_city_analysts_region()
    {
        // 方城县 runs the Henan plugin and a person confirmed its plugin's categorizations: its targets count under the
        // province's task catalog (set up as its developer; the console's part starts at the sign-in).
        const string County = "411322";
        await server.DeveloperQueryAsync(County, "mutation { configurePlugins(input: { enabled: [\"henan\"] }) { pluginId } }");
        var categorized = await server.DeveloperQueryAsync(County, "{ projects(first: 100, filter: { topLevelOnly: true }) { nodes { id categorization { task { key } } } } }");
        var matched = categorized.GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Where(p => p.GetProperty("categorization").ValueKind == JsonValueKind.Object && p.GetProperty("categorization").GetProperty("task").ValueKind == JsonValueKind.Object)
            .Select(p => p.GetProperty("id").GetString()).ToArray();
        Assert.NotEmpty(matched);
        await server.DeveloperQueryAsync(County, "mutation($ids: [ID!]) { confirmCategorizations(input: { projectIds: $ids }) { id } }", new { ids = matched });

        var analyst = await SignedInAsync("henan-analyst");
        // Its start page is the province's roll-up, this year's; the demo plans are 2024's.
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("河南省");
        await analyst.GetByLabel("年度").SelectOptionAsync("2024");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("河南省2024年民生实事汇总");
        var city = analyst.Locator("table.children tbody tr", new() { HasText = "南阳市" });
        await Assertions.Expect(city).ToBeVisibleAsync();
        await ShotAsync(analyst, "region-province");
        // A task with a counted figure: its completion by child region, drawn when it is opened.
        var counted = analyst.Locator("li.task", new() { HasTextRegex = new(@"\d+(\.\d+)?%") }).First;
        await Assertions.Expect(counted).ToContainTextAsync("下级合计");
        await counted.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(counted.Locator(".drill .chart canvas").First).ToBeVisibleAsync();
        await ShotAsync(analyst, "region-task-drill");
        await city.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("南阳市2024年民生实事汇总");
        await Assertions.Expect(analyst.Locator("table.children tbody tr", new() { HasText = "宛城区" })).ToBeVisibleAsync();
        Assert.Contains("code=411300", analyst.Url);
        await ShotAsync(analyst, "region-city");

        // A city's analyst asking for the province: the API refuses, and the page says so.
        var cityAnalyst = await SignedInAsync("nanyang-analyst");
        await cityAnalyst.GotoAsync("/region?code=410000&year=2024");
        await Assertions.Expect(cityAnalyst.GetByRole(AriaRole.Alert)).ToContainTextAsync("FORBIDDEN");
        await ShotAsync(cityAnalyst, "region-forbidden");
    }

    [Fact]
    public async Task A_tenant_administrator_creates_a_person_who_can_sign_in_and_a_dashboard_client_whose_secret_is_shown_once()
    {
        var admin = await SignedInAsync($"{Tenant}-tenant-admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "系统管理" }).ClickAsync();

        // A person: created in the console, signing in with the password given.
        var userName = $"clerk-{Guid.NewGuid():N}"[..16];
        await admin.GetByLabel("用户名").FillAsync(userName);
        await admin.GetByLabel("姓名").FillAsync("新填报员");
        await admin.GetByLabel("初始密码").FillAsync("Welcome-2026");
        await admin.GetByLabel("只读").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.Locator("table.users tbody tr", new() { HasText = userName })).ToContainTextAsync("只读");
        await ShotAsync(admin, "admin-users");
        var newcomer = await NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "zh-CN" });
        var page = await newcomer.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Welcome-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(userName);
        // Signing out forgets the tokens and the sign-in page's session: the next sign-in asks for the password again.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login**");
        Assert.Empty(await page.EvaluateAsync<string[]>("Object.keys(sessionStorage).filter(k => k === 'minsheng.tokens')"));

        // A dashboard client: its secret is on the page once, works at the token endpoint, and is gone after a reload.
        await admin.GetByRole(AriaRole.Tab, new() { Name = "大屏客户端" }).ClickAsync();
        await admin.GetByLabel("名称").FillAsync("测试大屏");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记客户端" }).ClickAsync();
        var secret = (await admin.Locator("code.secret").InnerTextAsync()).Trim();
        var clientId = (await admin.Locator("table.clients tbody tr", new() { HasText = "测试大屏" }).Locator("code").InnerTextAsync()).Trim();
        await ShotAsync(admin, "admin-client-secret");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<System.Net.HttpStatusCode> TokenAsync() => (await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "read",
        }))).StatusCode;
        Assert.Equal(System.Net.HttpStatusCode.OK, await TokenAsync());
        await admin.ReloadAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "大屏客户端" }).ClickAsync();
        await Assertions.Expect(admin.Locator("table.clients tbody tr", new() { HasText = "测试大屏" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("code.secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await admin.ContentAsync());
        // Revoked: the secret no longer gets a token.
        await admin.Locator("table.clients tbody tr", new() { HasText = "测试大屏" }).GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
        await Assertions.Expect(admin.Locator("table.clients tbody tr", new() { HasText = "测试大屏" })).ToContainTextAsync("已吊销");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, await TokenAsync());
    }

    [Fact]
    public async Task A_deadline_moved_by_a_recorded_decision_keeps_the_earlier_version_visible_and_the_board_shows_the_year()
    {
        var clerkUnit = (await ClerksProjectsAsync()).Unit;
        // A 2024 project the other tests leave alone (not the clerk's unit's).
        var projects = await server.DeveloperQueryAsync(Tenant, "{ projects(first: 100, filter: { topLevelOnly: true, year: 2024 }) { totalCount nodes { id deadline { date } leadUnits { id } } } }");
        var project = projects.GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .First(p => p.GetProperty("deadline").ValueKind == JsonValueKind.Object && p.GetProperty("leadUnits").EnumerateArray().All(l => l.GetProperty("id").GetString() != clerkUnit));
        var projectId = project.GetProperty("id").GetString()!;
        var before = project.GetProperty("deadline").GetProperty("date").GetString()!;

        var office = await SignedInAsync($"{Tenant}-supervisor");
        await office.GotoAsync($"/projects/{Uri.EscapeDataString(projectId)}");
        await office.GetByRole(AriaRole.Button, new() { Name = "计划调整" }).ClickAsync();
        await office.GetByLabel("调整事项").SelectOptionAsync("DEADLINE_MOVED");
        await office.GetByLabel("调整后的完成时限").FillAsync("2024-12-25");
        await office.GetByLabel("调整理由").FillAsync("受汛期影响，主体工程顺延。");
        await office.GetByLabel("批准机关或会议").FillAsync("区政府第12次常务会议");
        await office.GetByRole(AriaRole.Button, new() { Name = "记录并调整" }).ClickAsync();
        var decision = office.Locator("table.changes tbody tr").Last;
        await Assertions.Expect(decision).ToContainTextAsync("调整完成时限");
        await Assertions.Expect(decision).ToContainTextAsync("区政府第12次常务会议");
        await Assertions.Expect(decision).ToContainTextAsync(before);
        await Assertions.Expect(decision).ToContainTextAsync("2024-12-25");
        var now = await server.DeveloperQueryAsync(Tenant, "query($id: ID!) { project(id: $id) { deadline { date text } } }", new { id = projectId });
        Assert.Equal("2024-12-25", now.GetProperty("project").GetProperty("deadline").GetProperty("date").GetString());
        await Assertions.Expect(office.Locator("dl.facts")).ToContainTextAsync(now.GetProperty("project").GetProperty("deadline").GetProperty("text").GetString()!);
        await ShotAsync(office, "change-decision");

        // 挂图作战: every top-level project of the newest year, twelve months each.
        await office.GetByRole(AriaRole.Link, new() { Name = "挂图作战" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("2024年民生实事挂图作战");
        await Assertions.Expect(office.Locator("table.board-grid tbody tr")).ToHaveCountAsync(projects.GetProperty("projects").GetProperty("totalCount").GetInt32());
        Assert.Equal(12, await office.Locator("table.board-grid tbody tr").First.Locator("td").CountAsync());
        await ShotAsync(office, "board");
    }

    [Fact]
    public async Task With_the_henan_plugin_the_import_shows_its_categorizations_and_counts_only_what_the_person_confirmed()
    {
        const string County = "411321";
        await server.DeveloperQueryAsync(County, "mutation { configurePlugins(input: { enabled: [\"henan\"] }) { pluginId } }");
        var seed = Path.Combine(Chromium.RepositoryRoot(), "..", "shared", "seeds", "002_5cc7c7af7b58e9c9.txt");
        var page = await SignedInAsync($"{County}-tenant-admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入" }).ClickAsync();
        await page.GetByLabel("计划文件").SetInputFilesAsync(seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "读取并预览" }).ClickAsync();
        var rows = page.Locator("table.categorizations tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.categorizations")).ToContainTextAsync("省定");
        // The person leaves out one the plugin was sure of: it must not count.
        var boxes = page.Locator("table.categorizations input[type=checkbox]:checked");
        var ticked = await boxes.CountAsync();
        Assert.True(ticked >= 2, $"{ticked} categorizations ticked");
        await boxes.First.UncheckAsync();
        await ShotAsync(page, "import-categorizations");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已确认 {ticked - 1} 个项目的分类");

        var plans = await server.DeveloperQueryAsync(County, "{ plans { id sourceDocumentName } }");
        var planId = plans.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("sourceDocumentName").GetString() == "002_5cc7c7af7b58e9c9.txt").GetProperty("id").GetString();
        var projects = await server.DeveloperQueryAsync(County, "query($id: ID!) { plan(id: $id) { projects { parent { id } categorization { counted } } } }", new { id = planId });
        var counted = projects.GetProperty("plan").GetProperty("projects").EnumerateArray()
            .Count(p => p.GetProperty("parent").ValueKind == JsonValueKind.Null && p.GetProperty("categorization") is { ValueKind: JsonValueKind.Object } c && c.GetProperty("counted").GetBoolean());
        Assert.Equal(ticked - 1, counted);
    }

    [Fact]
    public async Task On_a_phone_a_report_the_head_returns_is_corrected_and_filed_again()
    {
        // The clerk's unit's second project (the other tests take its first and last).
        var projectId = (await ClerksProjectsAsync()).Led[1].GetProperty("id").GetString()!;
        var phone = new ViewportSize { Width = 390, Height = 844 };

        var clerk = await SignedInAsync($"{Tenant}-unit-clerk", phone);
        // At a phone's width the navigation folds behind a menu button.
        await Assertions.Expect(clerk.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "项目", Exact = true }).ClickAsync();
        await clerk.Locator("table.projects tbody tr").First.WaitForAsync();
        Assert.True(await clerk.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the page is wider than the phone");
        await ShotAsync(clerk, "phone-projects");

        await clerk.GotoAsync($"/projects/{Uri.EscapeDataString(projectId)}");
        var fileLink = clerk.GetByRole(AriaRole.Link, new() { NameRegex = new("^填报.*月报$") });
        var month = System.Text.RegularExpressions.Regex.Match(await fileLink.InnerTextAsync(), @"\d{4}年\d{1,2}月").Value;
        await fileLink.ClickAsync();
        await clerk.GetByLabel("工作进展").FillAsync("完成招聘会两场。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("已报送，待单位负责人审签").First).ToBeVisibleAsync();
        await ShotAsync(clerk, "phone-report-submitted");

        var head = await SignedInAsync($"{Tenant}-unit-head");
        await head.GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        var card = head.Locator($"li.card:has(a[href=\"/projects/{Uri.EscapeDataString(projectId)}\"])", new() { HasText = month });
        await card.GetByLabel("退回原因").FillAsync("未写明新增就业人数。");
        await card.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);

        // The clerk sees why, corrects the month and files it again.
        await clerk.ReloadAsync();
        await Assertions.Expect(clerk.GetByText("已退回：未写明新增就业人数。")).ToBeVisibleAsync();
        await clerk.GetByRole(AriaRole.Link, new() { NameRegex = new("^填报.*月报$") }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("退回原因：未写明新增就业人数。", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByLabel("工作进展")).ToHaveValueAsync("完成招聘会两场。");
        await clerk.GetByLabel("工作进展").FillAsync("完成招聘会两场，新增就业420人。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("已报送，待单位负责人审签").First).ToBeVisibleAsync();

        var reports = await server.DeveloperQueryAsync(Tenant, "query($id: ID!) { project(id: $id) { latestReport { status progress returnReason } } }", new { id = projectId });
        var latest = reports.GetProperty("project").GetProperty("latestReport");
        Assert.Equal("SUBMITTED", latest.GetProperty("status").GetString());
        Assert.Equal("完成招聘会两场，新增就业420人。", latest.GetProperty("progress").GetString());
    }

    private static long GzipSize(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return buffer.Length;
    }
}
