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
        _ => DatabaseFailures.Classify(exception) is { } failure
            ? new ExecutionError(DatabaseFailures.Describe(failure)) { Code = CodeOf(failure) }
            : null,
    };

    private static string CodeOf(DatabaseFailure failure) => failure switch
    {
        DatabaseFailure.Timeout => ErrorCodes.Timeout,
        DatabaseFailure.Contention => ErrorCodes.TransactionConflict,
        DatabaseFailure.Unavailable => ErrorCodes.DatabaseUnavailable,
        _ => ErrorCodes.BadUserInput,
    };
}
