namespace Minsheng.GraphQL.Indicators;

/// <summary>Targets: create/update/delete and indicator nodes (lists come through their project).</summary>
public sealed class IndicatorsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(IndicatorType.TypeName, (c, id) => c.Load<IndicatorByIdLoader, IndicatorRow?>(id));

        schema.Mutation.AddMutation<CreateIndicatorInputType, CreateIndicator, IndicatorType>("createIndicator", Permission.EditPlans, async (c, input) =>
            c.Load<IndicatorByIdLoader, IndicatorRow?>(await c.Service<IndicatorCommands>().CreateAsync(
                input.ProjectId, input.Label, input.Comparator, input.Target, input.SourcePhrase, c.CancellationToken)));
        schema.Mutation.AddMutation<UpdateIndicatorInputType, UpdateIndicator, IndicatorType>("updateIndicator", Permission.EditPlans, async (c, input) =>
            c.Load<IndicatorByIdLoader, IndicatorRow?>(await c.Service<IndicatorCommands>().UpdateAsync(
                input.Id, input.Label, input.Comparator, input.TargetValue, input.Unit, input.SourcePhrase, c.CancellationToken)));
        schema.Mutation.AddDelete("deleteIndicator", Permission.EditPlans, IndicatorType.TypeName, (c, id) => c.Service<IndicatorCommands>().DeleteAsync(id, c.CancellationToken));
    }
}
