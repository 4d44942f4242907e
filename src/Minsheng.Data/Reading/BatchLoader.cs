using Npgsql;

namespace Minsheng.Data.Reading;

/// <summary>
/// Collects keys during one execution level and loads them all with one statement, sent in the same
/// round trip as every other loader of that level (see <see cref="ReadSession.FlushAsync"/>).
/// Scoped: results are cached for the request.
/// </summary>
public abstract class BatchLoader<TKey, TValue>(ReadSession session) : IBatchQuery where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private TKey[] _inFlight = [];
    private bool _enqueued;

    /// <summary>Registers <paramref name="key"/> and returns a handle whose value arrives at the next flush.</summary>
    public Deferred<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key) && _pending.Add(key) && !_enqueued)
        {
            session.Enqueue(this);
            _enqueued = true;
        }
        return new Deferred<TValue>(ct => GetAsync(key, ct));
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(key, out var value))
        {
            await session.FlushAsync(ct);
            value = _loaded.TryGetValue(key, out var loaded) ? loaded : Missing;
        }
        return value;
    }

    NpgsqlBatchCommand IBatchQuery.CreateCommand(Guid tenantId)
    {
        _inFlight = _pending.ToArray();
        _pending.Clear();
        _enqueued = false;
        return CreateCommand(tenantId, _inFlight);
    }

    async ValueTask IBatchQuery.ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var results = new Dictionary<TKey, TValue>();
        await ReadAsync(reader, results, ct);
        foreach (var key in _inFlight) _loaded[key] = results.TryGetValue(key, out var v) ? v : Missing;
        _inFlight = [];
    }

    /// <summary>The value for a key that matched no row (null, or an empty list).</summary>
    protected abstract TValue Missing { get; }

    protected abstract NpgsqlBatchCommand CreateCommand(Guid tenantId, TKey[] keys);

    protected abstract ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<TKey, TValue> into, CancellationToken ct);
}

/// <summary>A value that a batch loader will have after the next flush.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> get)
{
    public Task<T> GetAsync(CancellationToken ct) => get(ct);
}
