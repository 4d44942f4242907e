using GraphQL;
using GraphQL.Execution;

namespace Minsheng.GraphQL.Errors;

/// <summary>
/// What an error shows: its message, its code and, for input errors, the field at fault; never exception data.
/// Exception data can carry anything a library put there (Npgsql puts the SQL state, the server's file, line and
/// routine), so <c>ExposeData</c> is off and only <see cref="ErrorCodes.FieldKey"/> is copied, by name.
/// </summary>
public sealed class MinshengErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeCodes = false,
    ExposeCode = false,
    ExposeData = false,
    ExposeExceptionDetails = false,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        var code = executionError switch
        {
            global::GraphQL.Validation.InvalidVariableError => ErrorCodes.BadUserInput,
            // The analyzer reports both the depth and the complexity limit with this error.
            global::GraphQL.Validation.Errors.Custom.ComplexityError => ErrorCodes.QueryTooComplex,
            AccessDeniedError denied => denied.Code!,
            global::GraphQL.Validation.ValidationError => ErrorCodes.ValidationFailed,
            SyntaxError => ErrorCodes.ParseFailed,
            UnhandledError => ErrorCodes.Internal,
            _ => executionError.Code ?? ErrorCodes.Internal,
        };
        if (executionError is global::GraphQL.Validation.ValidationError { Code: { } rule } and not AccessDeniedError) extensions["rule"] = rule;
        if (executionError.Data[ErrorCodes.FieldKey] is string field) extensions[ErrorCodes.FieldKey] = field;
        extensions["code"] = code;
        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }
}
