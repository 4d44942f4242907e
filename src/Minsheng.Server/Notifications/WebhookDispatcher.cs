using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Minsheng.Application.Notifications;
using Minsheng.Data.Tenancy;
using Npgsql;

namespace Minsheng.Server.Notifications;

/// <summary>
/// Sends the webhook outbox: every few seconds, the deliveries that are due — of all active tenants, in one transaction
/// whose row-level security is widened to exactly those tenants (the dispatcher's one cross-tenant read, locked with
/// SKIP LOCKED so that several instances share the work) — are POSTed with their signature; a 2xx marks one delivered,
/// anything else schedules a retry with doubling back-off until the attempts run out.
/// </summary>
public sealed class WebhookDispatcher(NpgsqlDataSource dataSource, IHttpClientFactory http, WebhookOptions options, TimeProvider clock,
    ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string SignatureHeader = "X-Minsheng-Signature";
    public const string TimestampHeader = "X-Minsheng-Timestamp";
    public const string EventHeader = "X-Minsheng-Event";
    public const string DeliveryHeader = "X-Minsheng-Delivery";

    private sealed record Due(Guid TenantId, Guid Id, string Event, string Payload, int Attempts, string Url, string Secret);

    private sealed record Outcome(bool Delivered, int? StatusCode, string? Error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchDueAsync(stoppingToken) == 0) await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Sending webhooks failed; trying again shortly.");
                await Task.Delay(options.PollInterval * 5, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Sends what is due now; returns how many were tried. First the tenants with something due (a plain read), then each
    /// tenant's due deliveries claimed and settled in a transaction of that tenant alone: a claim (FOR UPDATE SKIP LOCKED,
    /// so two servers never send one delivery twice) then names one tenant, which Citus runs on one shard — it refuses
    /// row locks over several.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var tenants = new List<Guid>();
        await using (var list = new NpgsqlCommand("SELECT id FROM tenants WHERE status = 'Active'", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) tenants.Add(reader.GetGuid(0));
        if (tenants.Count == 0) return 0;

        var now = clock.GetUtcNow();
        var waiting = new List<Guid>();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(tenants), connection, transaction)) await set.ExecuteNonQueryAsync(ct);
            await using var select = new NpgsqlCommand("""
                SELECT d.tenant_id FROM webhook_deliveries d WHERE d.status = 'Pending' AND d.next_attempt_at <= $1
                  AND d.tenant_id = ANY ($2) GROUP BY d.tenant_id ORDER BY min(d.next_attempt_at) LIMIT 20
                """, connection, transaction) { Parameters = { new() { Value = now }, new() { Value = tenants.ToArray() } } };
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) waiting.Add(reader.GetGuid(0));
        }

        var tried = 0;
        foreach (var tenant in waiting) tried += await DispatchDueAsync(connection, tenant, now, ct);
        return tried;
    }

    private async Task<int> DispatchDueAsync(NpgsqlConnection connection, Guid tenant, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(tenant), connection, transaction)) await set.ExecuteNonQueryAsync(ct);
        var due = new List<Due>();
        await using (var select = new NpgsqlCommand("""
            SELECT d.tenant_id, d.id, d.event, d.payload::text, d.attempts, s.url, s.secret
            FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.tenant_id = d.tenant_id AND s.id = d.subscription_id
            WHERE d.tenant_id = $2 AND d.status = 'Pending' AND d.next_attempt_at <= $1 AND s.active
            ORDER BY d.next_attempt_at LIMIT 20
            FOR UPDATE OF d SKIP LOCKED
            """, connection, transaction) { Parameters = { new() { Value = now }, new() { Value = tenant } } })
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                due.Add(new Due(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetString(6)));
        if (due.Count == 0) return 0;

        var outcomes = await Task.WhenAll(due.Select(d => SendAsync(d, ct)));
        var after = clock.GetUtcNow();
        foreach (var (delivery, outcome) in due.Zip(outcomes))
        {
            var attempts = delivery.Attempts + 1;
            var status = outcome.Delivered ? "Delivered" : attempts >= options.MaxAttempts ? "Failed" : "Pending";
            var next = after + options.RetryBase * Math.Pow(2, attempts - 1);
            await using var update = new NpgsqlCommand("""
                UPDATE webhook_deliveries SET attempts = $3, status = $4, next_attempt_at = $5, last_status_code = $6, last_error = $7,
                  delivered_at = CASE WHEN $4 = 'Delivered' THEN $8 ELSE delivered_at END
                WHERE tenant_id = $1 AND id = $2
                """, connection, transaction)
            {
                Parameters =
                {
                    new() { Value = delivery.TenantId }, new() { Value = delivery.Id }, new() { Value = attempts }, new() { Value = status },
                    new() { Value = next }, new() { Value = (object?)outcome.StatusCode ?? DBNull.Value },
                    new() { Value = (object?)outcome.Error ?? DBNull.Value }, new() { Value = after },
                },
            };
            await update.ExecuteNonQueryAsync(ct);
            if (status == "Failed") log.LogWarning("Webhook delivery {Delivery} failed for good after {Attempts} attempts: {Error}", delivery.Id, attempts, outcome.Error);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return due.Count;
    }

    private async Task<Outcome> SendAsync(Due delivery, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(EventHeader, delivery.Event);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(delivery.Secret, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.CreateClient(nameof(WebhookDispatcher)).SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            return new Outcome(response.IsSuccessStatusCode, code, response.IsSuccessStatusCode ? null : $"HTTP {code}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Generic on purpose: the log is the tenant's to read, and must not map the network behind the server.
            return new Outcome(false, null, e is TaskCanceledException ? "timed out" : e.InnerException is PrivateTargetException ? "refused: not a public address" : "could not connect");
        }
    }

    private sealed class PrivateTargetException() : Exception("The webhook's host resolves to no public address.");

    /// <summary>
    /// The dispatcher's HTTP handler: no redirects (a receiver cannot send the server elsewhere), and — unless private
    /// targets are allowed — every connection checked against the address it really goes to, whatever the name said at
    /// registration.
    /// </summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = options.AllowPrivateTargets ? addresses : addresses.Where(a => !WebhookTargets.IsPrivate(a)).ToArray();
            if (allowed.Length == 0) throw new PrivateTargetException();
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>HMAC-SHA256 of "timestamp.body" with the webhook's secret, in lower-case hex: what a receiver recomputes.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
