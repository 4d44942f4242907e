using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data.Reading;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>Hands a loader's pending value to the executor, which resolves all of a level's pending values after the level.</summary>
public sealed class DeferredResult<T>(Deferred<T> deferred) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => deferred.GetAsync(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await deferred.GetAsync(cancellationToken);
}

public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Loads through a scoped batch loader; the value arrives with the rest of the level in one round trip.</summary>
    public static IDataLoaderResult<TValue> Load<TLoader, TValue>(this IResolveFieldContext context, Guid key)
        where TLoader : BatchLoader<Guid, TValue> =>
        new DeferredResult<TValue>(context.Service<TLoader>().Load(key));

    /// <summary>The uuid inside a global id argument that must name an object of <paramref name="typeName"/>.</summary>
    public static Guid IdArgument(this IResolveFieldContext context, string typeName, string argument = "id")
    {
        try
        {
            return GlobalId.Expect(context.GetArgument<string>(argument), typeName, argument);
        }
        catch (DomainException e)
        {
            throw ErrorCodes.From(e);
        }
    }

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
