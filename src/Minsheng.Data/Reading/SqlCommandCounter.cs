using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Minsheng.Data.Reading;

/// <summary>
/// Counts the SQL round trips and query statements (not BEGIN, SET LOCAL, COMMIT) of one request (scoped), so a test can prove that a page
/// costs a fixed number of commands whatever its size, and the benchmark can report statements per request.
/// </summary>
public sealed class SqlCommandCounter
{
    private int _roundTrips;
    private int _statements;

    public int RoundTrips => _roundTrips;
    public int Statements => _statements;

    public void Record(int statements)
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _statements, statements);
    }
}

/// <summary>Feeds EF Core's commands into the request's <see cref="SqlCommandCounter"/> (the one its context was given).</summary>
public sealed class CommandCountingInterceptor : DbCommandInterceptor
{
    public static readonly CommandCountingInterceptor Instance = new();

    private CommandCountingInterceptor()
    {
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MinshengDbContext)?.Counter?.Record(1);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MinshengDbContext)?.Counter?.Record(1);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as MinshengDbContext)?.Counter?.Record(1);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
