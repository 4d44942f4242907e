using GraphQL.Types;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// Adds fields to a type another module owns (a plugin's field on Project, say). The owning type applies every
/// registered extension at the end of its constructor (<see cref="TypeExtensions.ApplyExtensions{T}"/>), so the
/// added fields are part of the type before the schema is built and introspection shows them.
/// Register with <see cref="SchemaContributorRegistration.AddTypeExtension{TGraphType,TExtension}"/>.
/// </summary>
public interface ITypeExtension<in TGraphType> where TGraphType : IComplexGraphType
{
    void Extend(TGraphType type);
}

public static class TypeExtensions
{
    /// <summary>Called by an extensible type as the last line of its constructor.</summary>
    public static void ApplyExtensions<T>(this T type, IEnumerable<ITypeExtension<T>> extensions) where T : IComplexGraphType
    {
        foreach (var extension in extensions) extension.Extend(type);
    }
}
