using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data.Reading;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Loading;

/// <summary>Hands a loader's pending value to the executor, which resolves all of a level's pending values after the level.</summary>
internal sealed class DeferredResult<T>(Deferred<T> deferred) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => deferred.GetAsync(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await deferred.GetAsync(cancellationToken);
}

internal static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Loads through a scoped batch loader; the value arrives with the rest of the level in one round trip.</summary>
    public static IDataLoaderResult<TValue> Load<TLoader, TValue>(this IResolveFieldContext context, Guid key)
        where TLoader : BatchLoader<Guid, TValue> =>
        new DeferredResult<TValue>(context.Service<TLoader>().Load(key));

    /// <summary>Runs an application call, turning refused input into a GraphQL error with its code.</summary>
    public static async Task<T> Guard<T>(this IResolveFieldContext context, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DomainException e)
        {
            throw ErrorCodes.From(e);
        }
    }
}

public static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string Internal = "INTERNAL_SERVER_ERROR";

    public static ExecutionError From(DomainException e)
    {
        var error = new ExecutionError(e.Message)
        {
            Code = e.Kind switch
            {
                DomainErrorKind.NotFound => NotFound,
                DomainErrorKind.Conflict => Conflict,
                DomainErrorKind.Forbidden => Forbidden,
                _ => BadUserInput,
            },
        };
        if (e.Field is not null) error.Data["field"] = e.Field;
        return error;
    }

    public static ExecutionError BadInput(string message, string? field = null)
    {
        var error = new ExecutionError(message) { Code = BadUserInput };
        if (field is not null) error.Data["field"] = field;
        return error;
    }
}
