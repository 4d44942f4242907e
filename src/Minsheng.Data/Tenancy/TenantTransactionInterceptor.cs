using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minsheng.Tenancy;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Starts every EF Core transaction with SET LOCAL of the current tenant, so row-level security sees
/// it for exactly that transaction and a pooled connection carries nothing over. Without a tenant
/// nothing is set and the policies return no rows.
/// </summary>
public sealed class TenantTransactionInterceptor(ITenantContextAccessor tenant) : DbTransactionInterceptor
{
    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = SetTenantCommand(connection, result);
        if (command is not null) await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = SetTenantCommand(connection, result);
        command?.ExecuteNonQuery();
        return result;
    }

    /// <summary>The SET LOCAL for the current tenant, or null without one.</summary>
    private DbCommand? SetTenantCommand(DbConnection connection, DbTransaction transaction)
    {
        if (tenant.Current is not { } current) return null;
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = TenantSetting.SetLocalStatement(current.TenantId);
        return command;
    }
}
