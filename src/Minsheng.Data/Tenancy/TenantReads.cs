using Npgsql;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// A plain SQL read as one tenant or a set of them, for code that has neither the request's read path nor EF at hand
/// (the identity module's checks of a tenant's units, public disclosure, a region's figures). Row-level security sees
/// the tenants; the statement should filter by them too.
/// </summary>
public static class TenantReads
{
    public static Task<List<T>> QueryAsTenantAsync<T>(this NpgsqlDataSource dataSource, Guid tenantId, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, params object[] parameters) =>
        dataSource.QueryAsTenantsAsync([tenantId], sql, read, ct, parameters);

    /// <summary>
    /// The same as a set of tenants: row-level security widened to exactly those tenants (a region's, say), never off.
    /// One round trip: BEGIN READ ONLY, the setting, the query and COMMIT travel as one batch, so the setting never
    /// outlives the read and nothing can be written under it.
    /// </summary>
    public static Task<List<T>> QueryAsTenantsAsync<T>(this NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> tenantIds, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, params object[] parameters) =>
        ReadAsync(dataSource, tenantIds, [], sql, read, ct, parameters);

    /// <summary>
    /// The same for a statement that reads much of each tenant's rows across a large set (a province's roll-up), planned
    /// for that. Row-level security over a set of N tenants is <c>tenant_id = ANY(N ids)</c>, whose selectivity the
    /// planner cannot know; it then picks nested loops, and on PostgreSQL 15 every probe of such a loop walks the N ids
    /// again in the index (a province: 175 descents per probe, seconds in all). Hash joins over each table's rows of the
    /// set are the plan such a read wants, and JIT, which the forced costs would trigger, costs more than it saves.
    /// Both settings are local to the read's transaction.
    /// </summary>
    public static Task<List<T>> ScanAsTenantsAsync<T>(this NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> tenantIds, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, params object[] parameters) =>
        ReadAsync(dataSource, tenantIds, ["SET LOCAL enable_nestloop = off", "SET LOCAL jit = off"], sql, read, ct, parameters);

    /// <summary>
    /// As <see cref="ScanAsTenantsAsync{T}"/>, with merge joins off too: for a statement driven by a few rows (a region's
    /// catalog links) that joins them to each table's rows of the set. Estimating one row under row-level security, the
    /// planner merges those few rows with a table by tenant alone and rescans each tenant's rows for every one of them
    /// (measured on the national data, a province's catalog tasks: 549,000 rows read for 39,000 reports, 205 ms; with hash
    /// joins, 70 ms).
    /// </summary>
    public static Task<List<T>> HashScanAsTenantsAsync<T>(this NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> tenantIds, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, params object[] parameters) =>
        ReadAsync(dataSource, tenantIds, ["SET LOCAL enable_nestloop = off", "SET LOCAL enable_mergejoin = off", "SET LOCAL jit = off"], sql, read, ct,
            parameters);

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> tenantIds, string[] settings, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken ct, object[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TenantSetting.SetLocalStatement(tenantIds)));
        foreach (var setting in settings) batch.BatchCommands.Add(new NpgsqlBatchCommand(setting));
        var query = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) query.Parameters.Add(new NpgsqlParameter { Value = p });
        batch.BatchCommands.Add(query);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        var rows = new List<T>();
        try
        {
            // Statements without a result set (BEGIN, SET, COMMIT) are skipped by the reader.
            await using var reader = await batch.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        }
        catch
        {
            // A failed statement leaves the transaction aborted and COMMIT unexecuted: end it before the connection
            // returns to the pool (which does not reset connections).
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                    await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (NpgsqlException)
                {
                    // The connection is broken; the pool discards it.
                }
            }
            throw;
        }
        return rows;
    }
}
