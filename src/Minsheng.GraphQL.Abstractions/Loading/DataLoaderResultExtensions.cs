using GraphQL.DataLoader;

namespace Minsheng.GraphQL.Abstractions;

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a pending value without resolving it early, so the level still batches.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, TOut> map) =>
        new MappedResult<TIn, TOut>(source, map);

    private sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await source.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
