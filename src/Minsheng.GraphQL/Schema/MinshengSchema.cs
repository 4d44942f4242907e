namespace Minsheng.GraphQL.Schema;

/// <summary>
/// The schema is the sum of its contributors: the core adds the <c>node</c> field, then every registered
/// <see cref="ISchemaContributor"/> (plans, projects, units …, later plugins) adds its fields, mutations and
/// node resolvers, in registration order. Built once (singleton), like every graph type.
/// </summary>
public sealed class MinshengSchema : global::GraphQL.Types.Schema
{
    public MinshengSchema(IServiceProvider services, IEnumerable<ISchemaContributor> contributors) : base(services)
    {
        var composition = new SchemaComposition();
        composition.Query.Field<NodeInterface>("node").Requires(Permission.ReadTenantData)
            .Description("Any object by its global id; null when it does not exist or is not the current tenant's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => GlobalId.TryDecode(c.GetArgument<string>("id"), out var type, out var id)
                ? composition.ResolveNode(c, type, id)
                : throw ErrorCodes.BadInput($"'{c.GetArgument<string>("id")}' is not an id issued by this API.", "id"));
        foreach (var contributor in contributors) contributor.Contribute(composition);

        Query = composition.Query;
        if (composition.Mutation.Fields.Count > 0) Mutation = composition.Mutation;
        Description = "Minsheng Platform: annual livelihood projects (民生实事) of a government, their targets, milestones and progress.";
    }
}
