using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Notifications;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Notifications;

/// <summary>How webhooks are sent. Private and loopback targets are refused unless allowed (tests, a private robot on the same network).</summary>
public sealed class WebhookOptions
{
    public bool AllowPrivateTargets { get; set; }
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>The first retry's delay; each next one doubles it.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = 6;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed record WebhookRow(Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool Active, string CreatedBy, DateTimeOffset CreatedAt)
{
    internal const string Columns = "s.id, s.name, s.url, s.events, s.active, s.created_by, s.created_at";

    internal static WebhookRow Read(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetBoolean(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6));
}

public sealed record DeliveryRow(Guid Id, Guid SubscriptionId, string Event, string Payload, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

/// <summary>A registered webhook and its secret, which is shown this once.</summary>
public sealed record RegisteredWebhook(Guid Id, string Secret);

public sealed class WebhookByIdLoader(ReadSession session) : ByIdLoader<WebhookRow>(session,
    keys => $"SELECT {WebhookRow.Columns} FROM webhook_subscriptions s WHERE s.tenant_id = $1 AND s.id = ANY({keys})", WebhookRow.Read, s => s.Id);

/// <summary>A webhook's delivery log, newest first (the latest 50).</summary>
public sealed class DeliveriesByWebhookLoader(ReadSession session) : ByParentLoader<DeliveryRow>(session,
    keys => $"""
    SELECT x.id, x.subscription_id, x.event, x.payload, x.status, x.attempts, x.next_attempt_at, x.last_status_code, x.last_error, x.created_at, x.delivered_at
    FROM unnest({keys}) AS k(id) CROSS JOIN LATERAL (
      SELECT d.id, d.subscription_id, d.event, d.payload::text AS payload, d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at
      FROM webhook_deliveries d WHERE d.tenant_id = $1 AND d.subscription_id = k.id ORDER BY d.created_at DESC, d.id DESC LIMIT 50) x
    """,
    r => new DeliveryRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), Enum.Parse<DeliveryStatus>(r.GetString(4)), r.GetInt32(5),
        r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetInt32(7), Sql.NullableString(r, 8), r.GetFieldValue<DateTimeOffset>(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10)),
    d => d.SubscriptionId);

public sealed class WebhookCommands(UnitOfWork uow, ICallerAccessor callers, ReadSession session, WebhookOptions options)
{
    public async Task<IReadOnlyList<WebhookRow>> ListAsync(CancellationToken ct)
    {
        var query = new ListQuery<WebhookRow>(tenantId => BatchCommands.Of(
            $"SELECT {WebhookRow.Columns} FROM webhook_subscriptions s WHERE s.tenant_id = $1 ORDER BY s.created_at", tenantId), WebhookRow.Read);
        await session.RunAsync(query, ct);
        return query.Rows;
    }

    public async Task<RegisteredWebhook> RegisterAsync(string name, string url, IReadOnlyList<string> events, CancellationToken ct)
    {
        // Checked before the transaction: a name lookup must not hold one open.
        if (url is null || url.Trim().Length is 0 or > 500 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw DomainException.Invalid("url", "A webhook URL is an absolute http or https URL of at most 500 characters.");
        if (!options.AllowPrivateTargets && await WebhookTargets.IsPrivateHostAsync(uri.Host, ct))
            throw DomainException.Invalid("url", "A webhook may not point at a loopback or private address.");
        return await uow.RunAsync(db =>
        {
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var subscription = new WebhookSubscription(name ?? "", uri, events, secret, callers.Current.ActorId, uow.Clock.GetUtcNow());
            db.WebhookSubscriptions.Add(subscription);
            uow.Audit("register", nameof(WebhookSubscription), subscription.Id, null, new { subscription.Name, subscription.Url, subscription.Events });
            return Task.FromResult(new RegisteredWebhook(subscription.Id, secret));
        }, ct);
    }

    public Task<Guid> RevokeAsync(Guid id, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var subscription = await db.WebhookSubscriptions.FindOwnAsync(id, ct);
        subscription.Revoke();
        // Nothing more goes out to it.
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, "revoked"), ct);
        uow.Audit("revoke", nameof(WebhookSubscription), id, new { Active = true }, new { Active = false });
        return id;
    }, ct);
}

/// <summary>
/// Which addresses a webhook may reach. Checked when registered and again on every connection (a name may resolve
/// elsewhere later): loopback, private, link-local, carrier-grade NAT, unspecified and IPv4-mapped forms of them.
/// </summary>
public static class WebhookTargets
{
    public static async Task<bool> IsPrivateHostAsync(string host, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            throw DomainException.Invalid("url", $"The host {(host.Length <= 100 ? host : host[..100] + "…")} could not be resolved.");
        }
        return addresses.Length == 0 || addresses.Any(IsPrivate);
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 || b[0] >= 224 || b[0] == 169 && b[1] == 254 || b[0] == 172 && b[1] is >= 16 and <= 31
            || b[0] == 192 && b[1] == 168 || b[0] == 100 && b[1] is >= 64 and <= 127;
    }
}
