namespace Minsheng.GraphQL.Abstractions;

/// <summary>
/// A concept's part of the schema: its root query fields, its mutations and how its objects are found by
/// global id. Core concepts (plans, projects, units …) and plugins contribute through this one contract;
/// the schema is the sum of the registered contributors, in registration order.
/// Register with <see cref="SchemaContributorRegistration.AddSchemaContributor{T}"/>.
/// </summary>
public interface ISchemaContributor
{
    void Contribute(SchemaComposition schema);
}
