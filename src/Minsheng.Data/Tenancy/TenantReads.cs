using Npgsql;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// A plain SQL read as one tenant, for code that has neither the request's read path nor EF at hand (the identity
/// module's checks of a tenant's units). Row-level security sees the tenant; the statement should filter by it too.
/// </summary>
public static class TenantReads
{
    public static async Task<List<T>> QueryAsTenantAsync<T>(this NpgsqlDataSource dataSource, Guid tenantId, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, params object[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Disposed without commit: rolled back, so the tenant setting never outlives the read.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(tenantId), connection, transaction)) await set.ExecuteNonQueryAsync(ct);
        await using var query = new NpgsqlCommand(sql, connection, transaction);
        foreach (var p in parameters) query.Parameters.Add(new NpgsqlParameter { Value = p });
        var rows = new List<T>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }
}
