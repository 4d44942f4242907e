using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Starts every EF Core transaction with SET LOCAL of the current tenant, so row-level security sees it for exactly that
/// transaction and a pooled connection carries nothing over. Without a tenant nothing is set and the policies return no
/// rows. The setting travels with the transaction's first command rather than on its own: when that command is a query
/// (a command's first read, nearly always), the SET and the query go in one batch — one round trip instead of two on
/// every write. Anything else (a SaveChanges batch, whose statements EF counts by position) gets the SET sent before it.
/// A transaction begun after <see cref="MinshengDbContext.AnnounceNextTransaction"/> (a command's write) also sends, in the same round trip,
/// the NOTIFY that tells every server the tenant's data changed when — and only if — it commits
/// (<see cref="Caching.TenantWrites"/>). One instance serves every context: what it knows of a transaction is kept on the
/// context (<see cref="TenantTransactionState"/>), which a pooled context starts afresh for each request.
/// </summary>
public sealed class TenantTransactionInterceptor : DbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly TenantTransactionInterceptor Instance = new();

    private TenantTransactionInterceptor()
    {
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Started(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Started(eventData.Context, result);
        return result;
    }

    private static void Started(DbContext? context, DbTransaction transaction)
    {
        if (context is not MinshengDbContext db) return;
        var state = db.Transactions;
        state.Unset = db.CurrentTenant is null ? null : transaction;
        state.Announce = state.AnnounceNext && state.Unset is not null;
        state.AnnounceNext = false;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!TakePending(eventData, command, out var setting) || result.HasResult) return result;
        if (IsQuery(eventData) && command is NpgsqlCommand query)
            return InterceptionResult<DbDataReader>.SuppressWithResult(await WithSetting(query, setting).ExecuteReaderAsync(cancellationToken));
        await SetAsync(command, setting, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!TakePending(eventData, command, out var setting) || result.HasResult) return result;
        if (IsQuery(eventData) && command is NpgsqlCommand query)
            return InterceptionResult<DbDataReader>.SuppressWithResult(WithSetting(query, setting).ExecuteReader());
        Set(command, setting);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (TakePending(eventData, command, out var setting)) await SetAsync(command, setting, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (TakePending(eventData, command, out var setting)) Set(command, setting);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        if (TakePending(eventData, command, out var setting)) await SetAsync(command, setting, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (TakePending(eventData, command, out var setting)) Set(command, setting);
        return result;
    }

    /// <summary>
    /// True once per transaction, for its first command: the setting is to be sent now. The statements that open the
    /// transaction: the SET, and the NOTIFY of a write; neither returns rows.
    /// </summary>
    private static bool TakePending(CommandEventData eventData, DbCommand command, out string[] setting)
    {
        setting = [];
        if (eventData.Context is not MinshengDbContext db) return false;
        var state = db.Transactions;
        if (state.Unset is null || command.Transaction != state.Unset) return false;
        state.Unset = null;
        if (db.CurrentTenant is not { } current || current.TenantId == Guid.Empty) return false;
        setting = state.Announce
            ? [TenantSetting.SetLocalStatement(current.TenantId), Caching.TenantWrites.NotifyStatement(current.TenantId, current.RegionCode)]
            : [TenantSetting.SetLocalStatement(current.TenantId)];
        return true;
    }

    /// <summary>A query reads one result set, whatever statements run before it; a SaveChanges batch is read statement by statement.</summary>
    private static bool IsQuery(CommandEventData eventData) => eventData.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery;

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

    private static async Task SetAsync(DbCommand before, string[] setting, CancellationToken ct)
    {
        await using var command = SetCommand(before, setting);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Set(DbCommand before, string[] setting)
    {
        using var command = SetCommand(before, setting);
        command.ExecuteNonQuery();
    }

    /// <summary>The setting's statements as one command text: without parameters, Npgsql sends them in one round trip.</summary>
    private static DbCommand SetCommand(DbCommand before, string[] setting)
    {
        var command = before.Connection!.CreateCommand();
        command.Transaction = before.Transaction;
        command.CommandText = string.Join("; ", setting);
        return command;
    }
}

/// <summary>One context's transaction as <see cref="TenantTransactionInterceptor"/> follows it.</summary>
internal sealed class TenantTransactionState
{
    /// <summary>The transaction begun for a tenant whose setting has not been sent yet.</summary>
    public DbTransaction? Unset { get; set; }

    /// <summary>Set by a command's write before it begins its transaction.</summary>
    public bool AnnounceNext { get; set; }

    /// <summary>The current transaction sends the NOTIFY with its setting.</summary>
    public bool Announce { get; set; }
}
