using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.GraphQL.Abstractions;

public static class SchemaContributorRegistration
{
    /// <summary>Adds a contributor; contributors run in the order they are added, which is the order of the SDL.</summary>
    public static IServiceCollection AddSchemaContributor<T>(this IServiceCollection services) where T : class, ISchemaContributor =>
        services.AddSingleton<ISchemaContributor, T>();

    /// <summary>Adds fields to <typeparamref name="TGraphType"/>, which must apply its extensions (the core's object types do).</summary>
    public static IServiceCollection AddTypeExtension<TGraphType, TExtension>(this IServiceCollection services)
        where TGraphType : global::GraphQL.Types.IComplexGraphType where TExtension : class, ITypeExtension<TGraphType> =>
        services.AddSingleton<ITypeExtension<TGraphType>, TExtension>();
}
