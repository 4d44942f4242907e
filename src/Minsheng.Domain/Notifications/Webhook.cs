using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Notifications;

/// <summary>
/// An outgoing webhook a tenant administrator registered (e.g. a work-group robot): the events it wants, where to POST
/// them, and the secret the payloads are signed with (HMAC-SHA256), shown once when registered.
/// </summary>
public sealed class WebhookSubscription : TenantEntity
{
    private WebhookSubscription() { Name = Url = Secret = CreatedBy = ""; Events = []; }

    public WebhookSubscription(string name, Uri url, IReadOnlyList<string> events, string secret, string createdBy, DateTimeOffset createdAt)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100) throw DomainException.Invalid("name", "A webhook needs a name of at most 100 characters.");
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")) throw DomainException.Invalid("url", "A webhook URL is an absolute http or https URL.");
        if (url.OriginalString.Length > 500) throw DomainException.Invalid("url", "A webhook URL is at most 500 characters.");
        var unknown = events.Where(e => !Notifications.Events.All.Contains(e)).ToList();
        if (events.Count == 0 || unknown.Count > 0)
            throw DomainException.Invalid("events", $"Events are some of: {string.Join(", ", Notifications.Events.All)}" + (unknown.Count > 0 ? $"; not {string.Join(", ", unknown)}." : "."));
        Name = trimmed;
        Url = url.OriginalString;
        Events = events.Distinct().ToArray();
        Secret = secret;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; }
    public string Url { get; private set; }
    public string[] Events { get; private set; }
    public string Secret { get; private set; }
    public bool Active { get; private set; } = true;
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Revoke()
    {
        if (!Active) throw DomainException.IllegalTransition("This webhook is already revoked.");
        Active = false;
    }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    /// <summary>Gave up after the last retry.</summary>
    Failed,
}

/// <summary>
/// One event for one webhook: written in the same transaction as the event (an outbox), sent by the dispatcher, retried
/// with back-off until the receiver answers 2xx or the attempts run out. The delivery log.
/// </summary>
public sealed class WebhookDelivery : TenantEntity
{
    private WebhookDelivery() { Event = Payload = ""; }

    public WebhookDelivery(Guid subscriptionId, string @event, string payload, DateTimeOffset createdAt)
    {
        SubscriptionId = subscriptionId;
        Event = @event;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid SubscriptionId { get; private set; }
    public string Event { get; private set; }
    public string Payload { get; private set; }
    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
}
