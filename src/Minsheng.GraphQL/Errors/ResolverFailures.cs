using GraphQL;
using Minsheng.Data;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Errors;

/// <summary>
/// Turns an exception that escaped a resolver into the error the caller sees. Failures the caller caused or
/// can retry get their own code and a plain message; anything else is a bug: logged in full by the
/// endpoint, reported as INTERNAL_SERVER_ERROR with no detail.
/// </summary>
public static class ResolverFailures
{
    public static ExecutionError? ToError(Exception exception) => exception switch
    {
        ExecutionError error => error,
        DomainException domain => ErrorCodes.From(domain),
        _ => DatabaseFailures.Classify(exception) switch
        {
            DatabaseFailure.InvalidText => ErrorCodes.BadInput("A text contains characters that cannot be stored or read (such as NUL)."),
            DatabaseFailure.ValueTooLong => ErrorCodes.BadInput("A value is longer than its field allows."),
            DatabaseFailure.OutOfRange => ErrorCodes.BadInput("A figure is out of range."),
            DatabaseFailure.Timeout => new ExecutionError("The query took too long and was stopped; ask for less (smaller pages, fewer fields).") { Code = ErrorCodes.Timeout },
            DatabaseFailure.Contention => new ExecutionError("The change collided with another one; send it again.") { Code = ErrorCodes.TransactionConflict },
            DatabaseFailure.Unavailable => new ExecutionError("The database is not available at the moment; try again shortly.") { Code = ErrorCodes.DatabaseUnavailable },
            _ => null,
        },
    };
}
