using System.Runtime.ExceptionServices;
using Npgsql;

namespace Minsheng.Data.Reading;

/// <summary>A loader that can load for the keys of a query of the same batch (see <see cref="PendingKeys{TKey}"/>).</summary>
public interface ILoadsAlong<TKey>
{
    void LoadAlong(PendingKeys<TKey> keys);
}

/// <summary>
/// Collects keys during one execution level and loads them all with one statement, sent in the same
/// round trip as every other loader of that level (see <see cref="ReadSession.FlushAsync"/>).
/// Scoped: results are cached for the request.
/// </summary>
public abstract class BatchLoader<TKey, TValue> : IBatchQuery, IRequestCache, ILoadsAlong<TKey> where TKey : notnull
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

    /// <summary>The value for a key if this request has it already (loaded, or loaded along with a page), without asking.</summary>
    public bool TryPeek(TKey key, out TValue value) => _loaded.TryGetValue(key, out value!);

    /// <summary>
    /// Gives the request a value it knows without reading it (a command's result, taken from the row it just wrote), so the
    /// fields of a mutation's payload cost no round trip. It stands until the request's caches are cleared by the next write.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        _loaded[key] = value;
        _failed.Remove(key);
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

    /// <summary>
    /// Remembers a value read with another query's rows (a page's join, <see cref="IJoinsPage"/>). A value loaded earlier
    /// in the request stands, as with <see cref="LoadAlong"/>: one request, one answer per key.
    /// </summary>
    protected void Remember(TKey key, TValue value) => _loaded.TryAdd(key, value);

    /// <summary>
    /// Loads for the keys another query of the same batch is about to return, in that batch's round trip; the
    /// values are then at hand when the fields that need them are resolved. A key the query does not return costs nothing.
    /// </summary>
    public void LoadAlong(PendingKeys<TKey> keys) => _session.Enqueue(new AlongQuery(this, keys));

    NpgsqlBatchCommand IBatchQuery.CreateCommand(Guid tenantId)
    {
        _inFlight = _pending.ToArray();
        _pending.Clear();
        _enqueued = false;
        return BatchCommands.Of(Statement("$2"), tenantId, _inFlight);
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

    /// <summary>
    /// The statement for a set of keys: <c>$1</c> is the tenant, <paramref name="keys"/> an SQL expression of the key
    /// array — a parameter, or (<see cref="LoadAlong"/>) the array of what a query of the same batch selects.
    /// </summary>
    protected abstract string Statement(string keys);

    protected abstract ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<TKey, TValue> into, CancellationToken ct);

    /// <summary>Runs a loader's statement for pending keys, and remembers the values for every key the producing query returned.</summary>
    private sealed class AlongQuery(BatchLoader<TKey, TValue> loader, PendingKeys<TKey> keys) : IBatchQuery
    {
        public NpgsqlBatchCommand CreateCommand(Guid tenantId)
        {
            var (sql, parameters) = keys.Statement(tenantId);
            return BatchCommands.Of(loader.Statement($"ARRAY({sql})"), parameters);
        }

        public async ValueTask ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
        {
            var results = new Dictionary<TKey, TValue>();
            await loader.ReadAsync(reader, results, ct);
            // Keys without rows are remembered as Missing too: that is the answer, and no later statement is needed for it.
            // A value loaded earlier in the request stands (one request, one answer per key).
            foreach (var key in keys.Keys) loader.Remember(key, results.TryGetValue(key, out var value) ? value : loader.Missing);
        }

        // Without a tenant the producing query read nothing either: there are no keys to answer for.
        public void ReadNothing()
        {
        }
    }
}

/// <summary>A value that a batch loader will have after the next flush.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> get)
{
    public Task<T> GetAsync(CancellationToken ct) => get(ct);
}
