using Npgsql;

namespace Minsheng.Identity.Clients;

/// <summary>
/// The browser origins of every active dashboard client, for CORS preflights. A preflight carries no token, so it
/// cannot tell which client is calling: it is answered for any registered origin, and the request that follows
/// (with its token) is refused unless the origin is its own client's (the caller resolution checks that). Read
/// from PostgreSQL at most every <see cref="Lifetime"/>, at once after a client is registered or revoked here.
/// </summary>
public sealed class DashboardOrigins(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;
    private int _refreshing;

    private sealed record Snapshot(HashSet<string> Origins, DateTimeOffset Expires);

    public bool IsAllowed(string origin)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            // The first preflight waits for the list; later ones use the one they have while it is refreshed.
            snapshot = _snapshot = Load();
        }
        else if (snapshot.Expires <= clock.GetUtcNow() && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                try { _snapshot = Load(); }
                catch (NpgsqlException) { /* keep the list we have until the database answers again */ }
                finally { _refreshing = 0; }
            });
        }
        return snapshot.Origins.Contains(origin);
    }

    public void Forget() => _snapshot = null;

    private Snapshot Load()
    {
        using var command = dataSource.CreateCommand("SELECT DISTINCT unnest(allowed_origins) FROM dashboard_clients WHERE revoked_at IS NULL");
        using var reader = command.ExecuteReader();
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read()) origins.Add(reader.GetString(0));
        return new Snapshot(origins, clock.GetUtcNow() + Lifetime);
    }
}
