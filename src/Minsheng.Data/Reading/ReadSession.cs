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
}

/// <summary>
/// The hot read path's single place that talks to PostgreSQL. A request gets one connection and one
/// transaction, opened lazily; the first round trip carries BEGIN and SET LOCAL of the tenant in the same
/// batch as the queries. Every query enqueued before a flush travels in one <see cref="NpgsqlBatch"/>, so each
/// GraphQL execution level costs one round trip whatever the number of loaders or rows.
/// </summary>
public sealed class ReadSession(NpgsqlDataSource dataSource, ITenantContextAccessor tenant, SqlCommandCounter counter) : IAsyncDisposable
{
    private readonly List<IBatchQuery> _pending = [];
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private bool _tenantSet;

    /// <summary>The tenant filter value. Without a tenant it is Guid.Empty, which matches no row (fail closed).</summary>
    public Guid TenantId => tenant.Current?.TenantId ?? Guid.Empty;

    public void Enqueue(IBatchQuery query) => _pending.Add(query);

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

        if (_connection is null)
        {
            _connection = await dataSource.OpenConnectionAsync(ct);
            // Npgsql sends BEGIN together with the first batch: no extra round trip.
            _transaction = await _connection.BeginTransactionAsync(ct);
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        if (!_tenantSet && tenant.Current is { } current)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(TenantSetting.SetLocalStatement(current.TenantId)));
            _tenantSet = true;
        }
        foreach (var query in queries) batch.BatchCommands.Add(query.CreateCommand(TenantId));
        counter.Record(batch.BatchCommands.Count);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < queries.Length; i++)
        {
            await queries[i].ReadAsync(reader, ct);
            if (i < queries.Length - 1 && !await reader.NextResultAsync(ct))
                throw new InvalidOperationException("A batched query returned fewer result sets than statements.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
