using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Plans;

namespace Minsheng.Application.Notifications;

/// <summary>
/// Puts an event in the right inboxes and in the outbox of every webhook that wants it, inside the transaction of the
/// change it reports: a notice that was not issued notifies nobody, and one that was cannot lose its notification.
/// </summary>
public sealed class Notifier(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private List<WebhookSubscription>? _subscriptions;

    /// <summary>To the people of the project's lead units.</summary>
    public async Task ToLeadUnitsAsync(MinshengDbContext db, NotificationKind kind, Guid projectId, Guid entityId, string title, string body, CancellationToken ct,
        string? dedupeKey = null)
    {
        var units = await db.ProjectUnits.Where(pu => pu.ProjectId == projectId && pu.Role == ProjectUnitRole.Lead).Select(pu => pu.UnitId).ToListAsync(ct);
        // A reminder is deduplicated by its inbox rows: without a lead unit there is no row, and the webhook would hear it every round.
        if (units.Count == 0 && dedupeKey is not null) return;
        var now = clock.GetUtcNow();
        foreach (var unit in units.Distinct())
            db.Notifications.Add(new Notification(kind, Audience.Unit, unit, projectId, entityId, title, body, now, dedupeKey is null ? null : $"{dedupeKey}:{unit}"));
        await OutboxAsync(db, kind, projectId, entityId, title, body, now, ct);
    }

    /// <summary>To the supervision office.</summary>
    public async Task ToOfficeAsync(MinshengDbContext db, NotificationKind kind, Guid projectId, Guid entityId, string title, string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Notifications.Add(new Notification(kind, Audience.Office, null, projectId, entityId, title, body, now));
        await OutboxAsync(db, kind, projectId, entityId, title, body, now, ct);
    }

    private async Task OutboxAsync(MinshengDbContext db, NotificationKind kind, Guid projectId, Guid entityId, string title, string body, DateTimeOffset now,
        CancellationToken ct)
    {
        _subscriptions ??= await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        var name = Events.NameOf(kind);
        foreach (var subscription in _subscriptions.Where(s => s.Events.Contains(name)))
        {
            // The fields a work-group robot reads (msgtype, text.content) and the ones a program reads.
            var payload = JsonSerializer.Serialize(new
            {
                Event = name,
                OccurredAt = now,
                ProjectId = projectId,
                EntityId = entityId,
                Title = title,
                Body = body,
                Msgtype = "text",
                Text = new { Content = $"【{title}】{body}" },
            }, Json);
            db.WebhookDeliveries.Add(new WebhookDelivery(subscription.Id, name, payload, now));
        }
    }
}
