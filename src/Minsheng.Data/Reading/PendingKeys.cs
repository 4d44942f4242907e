namespace Minsheng.Data.Reading;

/// <summary>
/// The keys that a query earlier in the same batch is about to return (a page of projects), given as that
/// query's own SQL. A loader handed them (<see cref="BatchLoader{TKey,TValue}.LoadAlong"/>) loads the rows that
/// hang off those keys in the same round trip, instead of waiting for the keys to come back first: a page and
/// everything it shows cost one round trip, not two.
/// </summary>
/// <param name="statement">
/// For a tenant: a statement selecting the keys as one column, with <c>$1</c> the tenant and its own parameters
/// numbered from <c>$2</c> (the loader's statement shares <c>$1</c>).
/// </param>
/// <param name="keys">The keys the producing query did return, asked for once its rows have been read.</param>
public sealed class PendingKeys<TKey>(Func<Guid, (string Sql, object[] Parameters)> statement, Func<IEnumerable<TKey>> keys)
{
    /// <summary>The statement for the tenant of the batch; <c>Parameters[0]</c> is the tenant.</summary>
    internal (string Sql, object[] Parameters) Statement(Guid tenantId)
    {
        var (sql, parameters) = statement(tenantId);
        if (parameters.Length == 0 || !Equals(parameters[0], tenantId))
            throw new InvalidOperationException("The statement of pending keys must take the tenant as its first parameter.");
        return (sql, parameters);
    }

    /// <summary>Valid once the producing query has been read, which the batch guarantees: it was enqueued first.</summary>
    internal IEnumerable<TKey> Keys => keys();
}
