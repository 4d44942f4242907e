using Minsheng.GraphQL.Common;

namespace Minsheng.GraphQL.Units;

/// <summary>The unit directory: the units root field, create/update/delete and unit nodes.</summary>
public sealed class UnitsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(UnitType.TypeName, (c, id) => c.Load<UnitByIdLoader, UnitRow?>(id));

        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("units").Requires(Permission.ReadTenantData)
            .Description("The tenant's unit directory; search matches names and aliases.")
            .Argument<StringGraphType>("search")
            .ResolveAsync(async c => await c.Guard(() => c.Service<UnitQueries>().UnitsAsync(SearchText.Checked(c.GetArgument<string?>("search"), "search"), c.CancellationToken)));

        schema.Mutation.AddMutation<CreateUnitInputType, CreateUnit, UnitType>("createUnit", Permission.EditPlans, async (c, input) =>
            c.Load<UnitByIdLoader, UnitRow?>(await c.Service<UnitCommands>().CreateAsync(input.Name, input.Aliases, c.CancellationToken)));
        schema.Mutation.AddMutation<UpdateUnitInputType, UpdateUnit, UnitType>("updateUnit", Permission.EditPlans, async (c, input) =>
            c.Load<UnitByIdLoader, UnitRow?>(await c.Service<UnitCommands>().UpdateAsync(input.Id, input.Name, input.Aliases, c.CancellationToken)));
        schema.Mutation.AddDelete("deleteUnit", Permission.EditPlans, UnitType.TypeName, (c, id) => c.Service<UnitCommands>().DeleteAsync(id, c.CancellationToken));
    }
}
