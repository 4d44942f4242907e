using Minsheng.Data;
using Minsheng.Data.Caching;
using Npgsql;

namespace Minsheng.Server.Caching;

/// <summary>
/// Hears every server's committed writes (PostgreSQL LISTEN on <see cref="TenantWrites.Channel"/>) on a connection of its
/// own, outside the pool, and counts them into <see cref="TenantWrites"/>, so cached answers on this server are retired
/// within moments of a write anywhere. While the connection is down nothing is cached and everything cached before is
/// retired; it reconnects every second until the database answers again.
/// </summary>
public sealed class TenantWritesListener(DatabaseOptions database, TenantWrites writes, ILogger<TenantWritesListener> log) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.AppConnectionString)
        {
            Pooling = false,
            // A connection that died without a word (a host gone, a cable pulled) is noticed within seconds.
            KeepAlive = 5,
            ApplicationName = "minsheng-write-listener",
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => writes.Received(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {TenantWrites.Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                writes.StartedListening();
                log.LogDebug("Listening for tenant writes.");
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogWarning("Listening for tenant writes stopped ({Message}); cached answers are retired and caching is off until it is back.", e.Message);
            }
            finally
            {
                writes.StoppedListening();
            }
            await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
