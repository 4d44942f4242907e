using GraphQL;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>The values of <c>extensions.code</c>. Every error this API returns carries one of them.</summary>
public static class ErrorCodes
{
    // The request itself (HTTP level).
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    // The document.
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    // The caller's values and rights.
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Forbidden = "FORBIDDEN";
    /// <summary>A workflow step the object's current state does not allow.</summary>
    public const string IllegalTransition = "ILLEGAL_TRANSITION";
    /// <summary>An edit of a published plan's target, deadline or project that must go through a change decision instead.</summary>
    public const string DecisionRequired = "DECISION_REQUIRED";
    public const string Unauthenticated = "UNAUTHENTICATED";

    // Execution.
    public const string Timeout = "TIMEOUT";
    /// <summary>Concurrent changes collided; the same request may succeed when retried.</summary>
    public const string TransactionConflict = "TRANSACTION_CONFLICT";
    /// <summary>The database cannot be reached; retry later (HTTP 503 with Retry-After).</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string Internal = "INTERNAL_SERVER_ERROR";

    public static ExecutionError From(DomainException e) => WithField(new ExecutionError(e.Message)
    {
        Code = e.Kind switch
        {
            DomainErrorKind.NotFound => NotFound,
            DomainErrorKind.Conflict => Conflict,
            DomainErrorKind.Forbidden => Forbidden,
            DomainErrorKind.IllegalTransition => IllegalTransition,
            DomainErrorKind.DecisionRequired => DecisionRequired,
            _ => BadUserInput,
        },
    }, e.Field);

    public static ExecutionError BadInput(string message, string? field = null) => WithField(new ExecutionError(message) { Code = BadUserInput }, field);

    /// <summary>The input field at fault travels in Data; the error info provider copies only this key to the response.</summary>
    public const string FieldKey = "field";

    private static ExecutionError WithField(ExecutionError error, string? field)
    {
        if (field is not null) error.Data[FieldKey] = field;
        return error;
    }
}
