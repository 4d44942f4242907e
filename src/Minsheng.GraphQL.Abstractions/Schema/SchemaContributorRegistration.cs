using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.GraphQL.Abstractions;

public static class SchemaContributorRegistration
{
    /// <summary>Adds a contributor; contributors run in the order they are added, which is the order of the SDL.</summary>
    public static IServiceCollection AddSchemaContributor<T>(this IServiceCollection services) where T : class, ISchemaContributor =>
        services.AddSingleton<ISchemaContributor, T>();
}
