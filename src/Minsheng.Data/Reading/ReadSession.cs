using Minsheng.Data.Tenancy;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Data.Reading;

/// <summary>One query of a batch: contributes one statement and consumes its one result set.</summary>
public interface IBatchQuery
{
    /// <summary>The statement for the current keys. It must filter by <paramref name="tenantId"/> itself:
    /// row-level security is the guarantee, the predicate is what routes the query (on Citus) and uses the indexes.</summary>
    NpgsqlBatchCommand CreateCommand(Guid tenantId);

    ValueTask ReadAsync(NpgsqlDataReader reader, CancellationToken ct);

    /// <summary>
    /// False for shared reference data (regions): such a query runs without a tenant. A query on tenant-owned
    /// tables is never sent without one; it completes as if it had matched no row (<see cref="ReadNothing"/>).
    /// </summary>
    bool ReadsTenantData => true;

    /// <summary>Completes the query with no rows, without touching the database.</summary>
    void ReadNothing();

    /// <summary>The batch this query travelled in failed; every caller waiting on it must see the error.</summary>
    void Fail(Exception error)
    {
    }
}

/// <summary>Something that caches rows for a request and must forget them after a write.</summary>
public interface IRequestCache
{
    void Clear();
}

/// <summary>
/// The hot read path's single place that talks to PostgreSQL. Every query enqueued before a flush travels
/// in one <see cref="NpgsqlBatch"/> that is a whole transaction on its own:
/// <c>BEGIN; SET LOCAL app.tenant_ids = '…'; q1; …; qn; COMMIT</c>. So each GraphQL execution level costs
/// exactly one round trip, the tenant setting never outlives the batch (a pooled connection carries
/// nothing over), and there is no separate BEGIN or ROLLBACK trip. One pooled connection serves the request.
/// </summary>
public sealed class ReadSession(NpgsqlDataSource dataSource, ITenantContextAccessor tenant, SqlCommandCounter counter, bool applicationTenantFilter = true)
    : IAsyncDisposable
{
    private readonly List<IBatchQuery> _pending = [];
    private readonly List<IRequestCache> _caches = [];
    private NpgsqlConnection? _connection;

    /// <summary>The tenant filter value. Without a tenant it is Guid.Empty, which matches no row (fail closed).</summary>
    public Guid TenantId => tenant.Current?.TenantId ?? Guid.Empty;

    public void Enqueue(IBatchQuery query) => _pending.Add(query);

    /// <summary>Registers a per-request cache to be cleared by <see cref="InvalidateCaches"/>.</summary>
    public void Track(IRequestCache cache) => _caches.Add(cache);

    /// <summary>After a command committed, rows read earlier in the request may be stale: forget them.</summary>
    public void InvalidateCaches()
    {
        foreach (var cache in _caches) cache.Clear();
    }

    /// <summary>Runs one query now, together with whatever else is pending.</summary>
    public async Task RunAsync(IBatchQuery query, CancellationToken ct)
    {
        Enqueue(query);
        await FlushAsync(ct);
    }

    /// <summary>Sends every pending query in one round trip and lets each read its result set.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        var queries = _pending.ToArray();
        _pending.Clear();

        var current = tenant.Current;
        if (current is null)
        {
            // Fail closed before the database: without a tenant, tenant-owned tables are not even queried.
            foreach (var query in queries.Where(q => q.ReadsTenantData)) query.ReadNothing();
            queries = queries.Where(q => !q.ReadsTenantData).ToArray();
            if (queries.Length == 0) return;
        }

        try
        {
            await using var batch = new NpgsqlBatch();
            // One snapshot for the whole batch (read committed would take one per statement): a query that repeats
            // another's selection (PendingKeys) must see the same rows. A read-only transaction never fails to serialize.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
            if (current is not null) batch.BatchCommands.Add(new NpgsqlBatchCommand(TenantSetting.SetLocalStatement(current.TenantId)));
            foreach (var query in queries)
            {
                var command = query.CreateCommand(TenantId);
                if (!applicationTenantFilter) command.CommandText = ApplicationTenantFilter.WithoutTenantPredicates(command.CommandText);
                batch.BatchCommands.Add(command);
            }
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            counter.Record(queries.Length);

            // Statements without a result set (BEGIN, SET, COMMIT) are skipped by the reader.
            await using var reader = await ExecuteAsync(batch, ct);
            for (var i = 0; i < queries.Length; i++)
            {
                await queries[i].ReadAsync(reader, ct);
                if (i < queries.Length - 1 && !await reader.NextResultAsync(ct))
                    throw new InvalidOperationException("A batched query returned fewer result sets than statements.");
            }
        }
        catch (Exception e)
        {
            // A failed statement leaves the transaction aborted and COMMIT unexecuted: end it before the
            // connection is used again or returns to the pool.
            await EndFailedTransactionAsync();
            foreach (var query in queries) query.Fail(e);
            throw;
        }
    }

    /// <summary>
    /// Sends the batch. Opened here, inside the caller's try: when no connection can be had (database down, pool
    /// exhausted, cancelled), every query of the batch, not only the caller's, must see the failure.
    /// A pooled connection may have died while idle (the database restarted): the batch is read-only and nothing
    /// of it has been read yet, so it is sent once more on a fresh connection instead of failing the request.
    /// If the database is really gone, the second attempt fails at once (connection refused) and that is reported.
    /// </summary>
    private async Task<NpgsqlDataReader> ExecuteAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        try
        {
            _connection ??= await dataSource.OpenConnectionAsync(ct);
            batch.Connection = _connection;
            return await batch.ExecuteReaderAsync(ct);
        }
        catch (Exception e) when (DatabaseFailures.Classify(e) == DatabaseFailure.Unavailable && !ct.IsCancellationRequested && _connection is not null)
        {
            // The connection was had but the server was gone behind it: it restarted, and every idle connection in the
            // pool died with it. Those are dropped (Npgsql would hand them out one by one, each failing a request);
            // a statement's own failure never gets here, so one bad query does not cost the pool.
            await DropConnectionAsync();
            dataSource.Clear();
            _connection = await dataSource.OpenConnectionAsync(ct);
            batch.Connection = _connection;
            return await batch.ExecuteReaderAsync(ct);
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    private async Task EndFailedTransactionAsync()
    {
        if (_connection is null) return;
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", _connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // This connection is broken: Npgsql does not return a broken connection to the pool, so dropping it
            // is enough. The rest of the pool stays (clearing it would punish every other request for one failure).
            await DropConnectionAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
