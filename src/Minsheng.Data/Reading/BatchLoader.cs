using System.Runtime.ExceptionServices;
using Npgsql;

namespace Minsheng.Data.Reading;

/// <summary>
/// Collects keys during one execution level and loads them all with one statement, sent in the same
/// round trip as every other loader of that level (see <see cref="ReadSession.FlushAsync"/>).
/// Scoped: results are cached for the request.
/// </summary>
public abstract class BatchLoader<TKey, TValue> : IBatchQuery, IRequestCache where TKey : notnull
{
    private readonly ReadSession _session;
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly Dictionary<TKey, ExceptionDispatchInfo> _failed = [];
    private TKey[] _inFlight = [];
    private bool _enqueued;

    protected BatchLoader(ReadSession session)
    {
        _session = session;
        session.Track(this);
    }

    /// <summary>Registers <paramref name="key"/> and returns a handle whose value arrives at the next flush.</summary>
    public Deferred<TValue> Load(TKey key)
    {
        // A key already loaded, or whose batch failed, is not sent again: its answer (or error) stands for the request.
        if (!_loaded.ContainsKey(key) && !_failed.ContainsKey(key) && _pending.Add(key) && !_enqueued)
        {
            _session.Enqueue(this);
            _enqueued = true;
        }
        return new Deferred<TValue>(ct => GetAsync(key, ct));
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(key, out var value))
        {
            if (_failed.TryGetValue(key, out var earlier)) earlier.Throw();
            await _session.FlushAsync(ct);
            if (_failed.TryGetValue(key, out var failure)) failure.Throw();
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

    void IBatchQuery.ReadNothing()
    {
        foreach (var key in _pending) _loaded[key] = Missing;
        _pending.Clear();
        _enqueued = false;
    }

    void IBatchQuery.Fail(Exception error)
    {
        // The keys in flight, and those still pending when the batch failed before it was built (the
        // connection could not be opened): every caller waiting on any of them sees the error.
        var captured = ExceptionDispatchInfo.Capture(error);
        foreach (var key in _inFlight.Concat(_pending)) _failed[key] = captured;
        _inFlight = [];
        _pending.Clear();
        _enqueued = false;
    }

    void IRequestCache.Clear()
    {
        _loaded.Clear();
        _failed.Clear();
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
