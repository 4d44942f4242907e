namespace Minsheng.GraphQL.Plans;

/// <summary>Plans: the plans and plan root fields, create/update/delete, and plan nodes.</summary>
public sealed class PlansContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(PlanType.TypeName, (c, id) => c.Load<PlanByIdLoader, PlanRow?>(id));

        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("plans").Requires(Permission.ReadTenantData)
            .Argument<IntGraphType>("year")
            .ResolveAsync(async c => await c.Guard(() => c.Service<PlanQueries>().PlansAsync(c.GetArgument<int?>("year"), c.CancellationToken)));
        schema.Query.Field<PlanType>("plan").Requires(Permission.ReadTenantData).Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Load<PlanByIdLoader, PlanRow?>(c.IdArgument(PlanType.TypeName)));

        schema.Mutation.AddMutation<CreatePlanInputType, PlanInput, PlanType>("createPlan", Permission.EditPlans, async (c, input) =>
            c.Load<PlanByIdLoader, PlanRow?>(await c.Service<PlanCommands>().CreateAsync(input, c.CancellationToken)));
        schema.Mutation.AddMutation<UpdatePlanInputType, UpdatePlan, PlanType>("updatePlan", Permission.EditPlans, async (c, input) =>
            c.Load<PlanByIdLoader, PlanRow?>(await c.Service<PlanCommands>().UpdateAsync(input.Id, input.Patch, c.CancellationToken)));
        schema.Mutation.AddDelete("deletePlan", Permission.EditPlans, PlanType.TypeName, (c, id) => c.Service<PlanCommands>().DeleteAsync(id, c.CancellationToken));
    }
}
