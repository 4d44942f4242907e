using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Identity;
using Minsheng.Api.Tests.Isolation;
using Minsheng.GraphQL.Abstractions;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>Issue #17 §6 in Production: each person's inbox gets what concerns their unit or their office, and only that.</summary>
public sealed class InboxTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string Inbox = "query($unread: Boolean) { inbox(unreadOnly: $unread) { id kind title body read subjectId project { id } } }";

    private static List<JsonElement> Items(JsonElement data) => data.GetProperty("inbox").EnumerateArray().ToList();

    [Fact]
    public async Task A_notice_reaches_the_units_people_its_reply_the_office_and_reading_is_per_person()
    {
        var office = await factory.SignedInAsync("411302-supervisor");
        var clerk = await factory.SignedInAsync("411302-unit-clerk");
        var head = await factory.SignedInAsync("411302-unit-head");
        var viewer = await factory.SignedInAsync("411302-viewer");
        var projectId = (Guid)(await factory.OwnerScalarAsync("""
            SELECT p.id FROM projects p JOIN tenants t ON t.id = p.tenant_id AND t.region_code = '411302'
            JOIN project_units pu ON pu.project_id = p.id AND pu.role = 'Lead'
            JOIN identity_user_units uu ON uu.unit_id = pu.unit_id JOIN identity_users u ON u.id = uu.user_id AND u.user_name = '411302-unit-clerk'
            WHERE p.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM supervision_notices n WHERE n.project_id = p.id AND n.status IN ('Issued', 'Acknowledged', 'Replied'))
            ORDER BY p.sort_order LIMIT 1
            """))!;
        var project = GlobalId.Encode("Project", projectId);

        var notice = (await office.QueryAsync("""
            mutation($p: ID!) { issueSupervisionNotice(input: { projectId: $p, problem: "进度滞后", requirement: "加快进度", rectifyBy: "2099-01-01" }) { id number } }
            """, new { p = project })).GetProperty("issueSupervisionNotice");
        var noticeId = notice.GetProperty("id").GetString();
        var clerkInbox = Items(await clerk.QueryAsync(Inbox, new { unread = true }));
        var headInbox = Items(await head.QueryAsync(Inbox, new { unread = true }));
        var viewerInbox = Items(await viewer.QueryAsync(Inbox, new { unread = (bool?)null }));
        await clerk.QueryAsync("mutation($id: ID!) { acknowledgeSupervisionNotice(input: { id: $id }) { id } }", new { id = noticeId });
        await clerk.QueryAsync("mutation($id: ID!) { replyToSupervisionNotice(input: { id: $id, measures: \"已增派人手\" }) { id } }", new { id = noticeId });
        var officeInbox = Items(await office.QueryAsync(Inbox, new { unread = true }));

        var issued = Assert.Single(clerkInbox, n => n.GetProperty("subjectId").GetString() == noticeId);
        Assert.Equal("NOTICE_ISSUED", issued.GetProperty("kind").GetString());
        Assert.Contains(notice.GetProperty("number").GetString()!, issued.GetProperty("title").GetString());
        Assert.Equal(project, issued.GetProperty("project").GetProperty("id").GetString());
        Assert.Contains(headInbox, n => n.GetProperty("subjectId").GetString() == noticeId);
        Assert.Empty(viewerInbox);
        Assert.Contains(officeInbox, n => n.GetProperty("kind").GetString() == "NOTICE_REPLIED" && n.GetProperty("subjectId").GetString() == noticeId);
        Assert.DoesNotContain(officeInbox, n => n.GetProperty("kind").GetString() == "NOTICE_ISSUED"); // the office's own notice is the unit's news

        // Reading is the clerk's own: the head still has it unread; marking twice marks nothing more; a stranger's id is not found.
        const string Mark = "mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) }";
        var first = (await clerk.QueryAsync(Mark, new { ids = new[] { issued.GetProperty("id").GetString() } })).GetProperty("markNotificationsRead").GetInt32();
        var again = (await clerk.QueryAsync(Mark, new { ids = new[] { issued.GetProperty("id").GetString() } })).GetProperty("markNotificationsRead").GetInt32();
        var stranger = await clerk.PostAsync(Mark, new { ids = new[] { GlobalId.Encode("Notification", Guid.CreateVersion7()) } });
        var byViewer = await viewer.PostAsync(Mark, new { ids = new[] { issued.GetProperty("id").GetString() } });
        Assert.Equal((1, 0), (first, again));
        Assert.Equal("NOT_FOUND", stranger.ErrorCode());
        Assert.Equal("FORBIDDEN", byViewer.ErrorCode());
        Assert.DoesNotContain(Items(await clerk.QueryAsync(Inbox, new { unread = true })), n => n.GetProperty("id").GetString() == issued.GetProperty("id").GetString());
        Assert.Contains(Items(await head.QueryAsync(Inbox, new { unread = true })), n => n.GetProperty("id").GetString() == issued.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_webhook_to_a_private_address_is_refused_in_production()
    {
        var admin = await factory.SignedInAsync("411302-tenant-admin");
        var loopback = await admin.PostAsync("mutation { registerWebhook(input: { name: \"本机\", url: \"http://127.0.0.1:9/hook\", events: [\"notice.issued\"] }) { secret } }");
        var privateNet = await admin.PostAsync("mutation { registerWebhook(input: { name: \"内网\", url: \"http://192.168.1.20/hook\", events: [\"notice.issued\"] }) { secret } }");
        var unknownEvent = await admin.PostAsync("mutation { registerWebhook(input: { name: \"x\", url: \"https://203.0.113.10/hook\", events: [\"project.deleted\"] }) { secret } }");
        Assert.Equal(["BAD_USER_INPUT", "BAD_USER_INPUT", "BAD_USER_INPUT"], new[] { loopback.ErrorCode(), privateNet.ErrorCode(), unknownEvent.ErrorCode() });
        // The same addresses in other spellings, and a host no resolver takes: refused with a clear error, never an internal one.
        foreach (var url in new[] { "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:a9fe:a9fe]/latest", "http://[::]/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
                     "https://" + new string('a', 300) + ".example/hook" })
        {
            var refused = await admin.PostAsync("mutation($u: String!) { registerWebhook(input: { name: \"x\", url: $u, events: [\"notice.issued\"] }) { secret } }", new { u = url });
            Assert.Equal("BAD_USER_INPUT", refused.ErrorCode());
        }
    }
}

/// <summary>
/// Issue #17 §6: reminders once per month and kind, and webhooks against a receiver on loopback — signed payloads, a
/// failure retried with back-off until delivered, a dead receiver given up on after the last attempt, all in the log.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookTests(ApiFactory factory)
{
    /// <summary>A receiver on a loopback port that answers each request with the next of its statuses (the last one repeats).</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _count;

        public ConcurrentQueue<(string Body, Dictionary<string, string> Headers)> Received { get; } = new();

        public string Url { get; }

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public static async Task<Receiver> StartAsync(params int[] statuses)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            Receiver? self = null;
            app.MapPost("/hook", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                // Copied: the request's own header collection is reused once the response is sent.
                self!.Received.Enqueue((await reader.ReadToEndAsync(), http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
                var n = Interlocked.Increment(ref self._count) - 1;
                return Results.StatusCode(statuses[Math.Min(n, statuses.Length - 1)]);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new Receiver(app, address + "/hook");
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    private const string Register = """
        mutation($url: String!) { registerWebhook(input: { name: "工作群机器人", url: $url, events: ["notice.issued", "report.returned"] }) { secret webhook { id active } } }
        """;

    private static async Task<JsonElement> DeliveriesWhenSettledAsync(GraphQLClient client, string webhook, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var deliveries = (await client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Webhook { deliveries { event status attempts lastStatusCode lastError deliveredAt } } } }",
                new { id = webhook })).GetProperty("node").GetProperty("deliveries");
            if (deliveries.GetArrayLength() >= expected && deliveries.EnumerateArray().All(d => d.GetProperty("status").GetString() != "PENDING") || DateTime.UtcNow > deadline)
                return deliveries;
            await Task.Delay(100);
        }
    }

    private static async Task<string> IssueNoticeAsync(GraphQLClient client)
    {
        var project = (await client.QueryAsync("{ projects(first: 1) { nodes { id } } }")).GetProperty("projects").GetProperty("nodes")[0].GetProperty("id").GetString();
        return (await client.QueryAsync("""
            mutation($p: ID!) { issueSupervisionNotice(input: { projectId: $p, problem: "进度滞后", requirement: "加快进度", rectifyBy: "2099-01-01" }) { id } }
            """, new { p = project })).GetProperty("issueSupervisionNotice").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_signed_event_is_retried_after_a_failure_until_the_receiver_takes_it()
    {
        await using var receiver = await Receiver.StartAsync(500, 200);
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var registered = (await client.QueryAsync(Register, new { url = receiver.Url })).GetProperty("registerWebhook");
        var secret = registered.GetProperty("secret").GetString()!;
        var webhook = registered.GetProperty("webhook").GetProperty("id").GetString()!;

        var notice = await IssueNoticeAsync(client);
        var deliveries = await DeliveriesWhenSettledAsync(client, webhook, 1);

        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal(("notice.issued", "DELIVERED", 2, 200), (delivery.GetProperty("event").GetString(), delivery.GetProperty("status").GetString(),
            delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32()));
        var attempts = receiver.Received.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Headers["X-Minsheng-Delivery"], attempts[1].Headers["X-Minsheng-Delivery"]); // the same delivery, retried
        foreach (var (body, headers) in attempts)
        {
            var timestamp = headers["X-Minsheng-Timestamp"];
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            Assert.Equal(expected, headers["X-Minsheng-Signature"]);
            Assert.Equal("notice.issued", headers["X-Minsheng-Event"]);
            var payload = JsonDocument.Parse(body).RootElement;
            Assert.Equal(("notice.issued", "text"), (payload.GetProperty("event").GetString(), payload.GetProperty("msgtype").GetString()));
            Assert.Equal(GlobalId.Expect(notice, "SupervisionNotice", "id"), payload.GetProperty("entity_id").GetGuid());
            Assert.Contains("督办", payload.GetProperty("text").GetProperty("content").GetString());
        }
    }

    [Fact]
    public async Task A_dead_receiver_is_given_up_on_after_the_last_attempt_and_a_revoked_webhook_gets_nothing()
    {
        await using var receiver = await Receiver.StartAsync(503);
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        var webhook = (await client.QueryAsync(Register, new { url = receiver.Url })).GetProperty("registerWebhook").GetProperty("webhook").GetProperty("id").GetString()!;

        await IssueNoticeAsync(client);
        var deliveries = await DeliveriesWhenSettledAsync(client, webhook, 1);
        var revoked = (await client.QueryAsync("mutation($id: ID!) { revokeWebhook(input: { id: $id }) { active } }", new { id = webhook })).GetProperty("revokeWebhook");
        var project = (await client.QueryAsync("{ projects(first: 2) { nodes { id } } }")).GetProperty("projects").GetProperty("nodes")[1].GetProperty("id").GetString();
        await client.QueryAsync("""
            mutation($p: ID!) { issueSupervisionNotice(input: { projectId: $p, problem: "p", requirement: "r", rectifyBy: "2099-01-01" }) { id } }
            """, new { p = project });
        var after = await DeliveriesWhenSettledAsync(client, webhook, 1);

        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal(("FAILED", 3, 503), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32()));
        Assert.Equal(3, receiver.Received.Count); // MaxAttempts in the test server
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Equal(1, after.GetArrayLength()); // nothing queued for a revoked webhook
    }

    [Fact]
    public async Task Reminders_are_sent_once_per_month_and_kind()
    {
        var tenant = await TestTenants.CreateAsync(factory.OwnerConnectionString, projects: 2, reportMonths: 0);
        var client = factory.Client(tenant.Tenant.RegionCode);
        const string Remind = "mutation($d: DateOnly) { sendReportReminders(input: { asOf: $d }) }";
        int Sent(JsonElement data) => data.GetProperty("sendReportReminders").GetInt32();

        var due = Sent(await client.QueryAsync(Remind, new { d = "2024-02-03" }));      // January's reports are due on 5 February
        var dueAgain = Sent(await client.QueryAsync(Remind, new { d = "2024-02-04" }));
        var overdue = Sent(await client.QueryAsync(Remind, new { d = "2024-02-10" }));  // … and then overdue
        var inbox = (await client.QueryAsync("{ inbox(first: 50) { kind title subjectId } }")).GetProperty("inbox").EnumerateArray().ToList();
        // One per project and kind (a project with two lead units tells both).
        int Projects(string kind, string title) => inbox.Where(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("title").GetString() == title)
            .Select(n => n.GetProperty("subjectId").GetString()).Distinct().Count();

        Assert.Equal((2, 0, 2), (due, dueAgain, overdue));
        Assert.Equal("BAD_USER_INPUT", (await client.PostAsync(Remind, new { d = "2999-01-01" })).ErrorCode()); // not ahead of time
        Assert.Equal(2, Projects("REPORT_DUE", "1月报告即将到期"));
        Assert.Equal(2, Projects("REPORT_OVERDUE", "1月报告已逾期"));
    }
}
