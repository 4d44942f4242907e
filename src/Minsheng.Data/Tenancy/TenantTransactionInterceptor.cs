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
        if (tenant.Current is { } current)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = result;
            command.CommandText = TenantSetting.SetLocalStatement(current.TenantId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (tenant.Current is { } current)
        {
            using var command = connection.CreateCommand();
            command.Transaction = result;
            command.CommandText = TenantSetting.SetLocalStatement(current.TenantId);
            command.ExecuteNonQuery();
        }
        return result;
    }
}
