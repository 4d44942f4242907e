using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Starts every EF Core transaction with SET LOCAL of the current tenant, so row-level security sees it for exactly that
/// transaction and a pooled connection carries nothing over. Without a tenant nothing is set and the policies return no
/// rows. The setting travels with the transaction's first command rather than on its own: when that command is a query
/// (a command's first read, nearly always), the SET and the query go in one batch — one round trip instead of two on
/// every write. Anything else (a SaveChanges batch, whose statements EF counts by position) gets the SET sent before it.
/// A transaction begun after <see cref="AnnounceNextTransaction"/> (a command's write) also sends, in the same round trip,
/// the NOTIFY that tells every server the tenant's data changed when — and only if — it commits
/// (<see cref="Caching.TenantWrites"/>).
/// </summary>
public sealed class TenantTransactionInterceptor(ITenantContextAccessor tenant) : DbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>The transaction begun for a tenant whose setting has not been sent yet.</summary>
    private DbTransaction? _unset;
    private bool _announceNext;
    private bool _announce;

    /// <summary>The next transaction changes the tenant's data: it announces itself to the other servers on commit.</summary>
    public void AnnounceNextTransaction() => _announceNext = true;

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Started(result);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Started(result);
        return result;
    }

    private void Started(DbTransaction transaction)
    {
        _unset = tenant.Current is null ? null : transaction;
        _announce = _announceNext && _unset is not null;
        _announceNext = false;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!TakePending(command, out var tenantId) || result.HasResult) return result;
        if (IsQuery(eventData) && command is NpgsqlCommand query)
            return InterceptionResult<DbDataReader>.SuppressWithResult(await WithSetting(query, Setting(tenantId)).ExecuteReaderAsync(cancellationToken));
        await SetAsync(command, tenantId, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!TakePending(command, out var tenantId) || result.HasResult) return result;
        if (IsQuery(eventData) && command is NpgsqlCommand query)
            return InterceptionResult<DbDataReader>.SuppressWithResult(WithSetting(query, Setting(tenantId)).ExecuteReader());
        Set(command, tenantId);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (TakePending(command, out var tenantId)) await SetAsync(command, tenantId, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (TakePending(command, out var tenantId)) Set(command, tenantId);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        if (TakePending(command, out var tenantId)) await SetAsync(command, tenantId, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (TakePending(command, out var tenantId)) Set(command, tenantId);
        return result;
    }

    /// <summary>True once per transaction, for its first command: the setting is to be sent now.</summary>
    private bool TakePending(DbCommand command, out Guid tenantId)
    {
        tenantId = tenant.Current?.TenantId ?? Guid.Empty;
        if (_unset is null || command.Transaction != _unset) return false;
        _unset = null;
        return tenantId != Guid.Empty;
    }

    /// <summary>A query reads one result set, whatever statements run before it; a SaveChanges batch is read statement by statement.</summary>
    private static bool IsQuery(CommandEventData eventData) => eventData.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery;

    /// <summary>The statements that open the transaction: the SET, and the NOTIFY of a write. Neither returns rows.</summary>
    private string[] Setting(Guid tenantId) => _announce && tenant.Current is { } current
        ? [TenantSetting.SetLocalStatement(tenantId), Caching.TenantWrites.NotifyStatement(current.TenantId, current.RegionCode)]
        : [TenantSetting.SetLocalStatement(tenantId)];

    /// <summary>The setting and the query in one batch; the reader skips the setting's statements, which return no rows.</summary>
    private static NpgsqlBatch WithSetting(NpgsqlCommand query, string[] setting)
    {
        var batch = new NpgsqlBatch(query.Connection, query.Transaction) { Timeout = query.CommandTimeout };
        foreach (var set in setting) batch.BatchCommands.Add(new NpgsqlBatchCommand(set));
        var statement = new NpgsqlBatchCommand(query.CommandText);
        foreach (NpgsqlParameter parameter in query.Parameters) statement.Parameters.Add(parameter.Clone());
        batch.BatchCommands.Add(statement);
        return batch;
    }

    private async Task SetAsync(DbCommand before, Guid tenantId, CancellationToken ct)
    {
        await using var command = SetCommand(before, tenantId);
        await command.ExecuteNonQueryAsync(ct);
    }

    private void Set(DbCommand before, Guid tenantId)
    {
        using var command = SetCommand(before, tenantId);
        command.ExecuteNonQuery();
    }

    /// <summary>The setting's statements as one command text: without parameters, Npgsql sends them in one round trip.</summary>
    private DbCommand SetCommand(DbCommand before, Guid tenantId)
    {
        var command = before.Connection!.CreateCommand();
        command.Transaction = before.Transaction;
        command.CommandText = string.Join("; ", Setting(tenantId));
        return command;
    }
}
