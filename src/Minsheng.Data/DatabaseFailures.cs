using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Minsheng.Data;

/// <summary>What went wrong in the database, in terms a caller can act on. Anything else is an internal error.</summary>
public enum DatabaseFailure
{
    /// <summary>A text the database cannot store (NUL, bytes not valid in UTF-8) or a value it cannot read.</summary>
    InvalidText,
    /// <summary>A value longer than its column allows.</summary>
    ValueTooLong,
    /// <summary>A number out of the column's range.</summary>
    OutOfRange,
    /// <summary>The statement ran longer than statement_timeout.</summary>
    Timeout,
    /// <summary>Concurrent transactions collided (serialization failure, deadlock): retrying may succeed.</summary>
    Contention,
    /// <summary>The database cannot be reached or is shutting down: retrying later may succeed.</summary>
    Unavailable,
}

public static class DatabaseFailures
{
    /// <summary>
    /// Classifies an exception raised by Npgsql or EF Core (looking through wrappers); null when it is not a
    /// failure a caller could have caused or could retry, i.e. a bug to be logged and reported as internal.
    /// </summary>
    public static DatabaseFailure? Classify(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return ClassifySqlState(pg.SqlState);
                // Npgsql refuses to encode an unpaired surrogate before anything is sent.
                case EncoderFallbackException:
                    return DatabaseFailure.InvalidText;
                // No server answered: refused, reset, timed out while connecting or waiting for a pooled connection.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return DatabaseFailure.Unavailable;
            }
        }
        return null;
    }

    /// <summary>What to tell the caller about a failure: plain words, nothing of the database's own message.</summary>
    public static string Describe(DatabaseFailure failure) => failure switch
    {
        DatabaseFailure.InvalidText => "A text contains characters that cannot be stored (such as NUL).",
        DatabaseFailure.ValueTooLong => "A text is longer than its field allows.",
        DatabaseFailure.OutOfRange => "A figure is out of range.",
        DatabaseFailure.Timeout => "The query took too long and was stopped; ask for less (smaller pages, fewer fields).",
        DatabaseFailure.Contention => "The change collided with another one; send it again.",
        DatabaseFailure.Unavailable => "The database is not available at the moment; try again shortly.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    private static DatabaseFailure? ClassifySqlState(string state) => state switch
    {
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
            or PostgresErrorCodes.InvalidTextRepresentation
            or PostgresErrorCodes.NullValueNotAllowed => DatabaseFailure.InvalidText,
        PostgresErrorCodes.StringDataRightTruncation => DatabaseFailure.ValueTooLong,
        PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow => DatabaseFailure.OutOfRange,
        PostgresErrorCodes.QueryCanceled => DatabaseFailure.Timeout,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable => DatabaseFailure.Contention,
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections => DatabaseFailure.Unavailable,
        // Class 08: connection exceptions.
        _ when state.StartsWith("08", StringComparison.Ordinal) => DatabaseFailure.Unavailable,
        _ => null,
    };
}
