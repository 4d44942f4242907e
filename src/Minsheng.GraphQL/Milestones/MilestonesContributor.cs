namespace Minsheng.GraphQL.Milestones;

/// <summary>Milestones: create/update/delete and milestone nodes (lists come through their project).</summary>
public sealed class MilestonesContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.AddNode(MilestoneType.TypeName, (c, id) => c.Load<MilestoneByIdLoader, MilestoneRow?>(id));

        schema.Mutation.AddMutation<CreateMilestoneInputType, CreateMilestone, MilestoneType>("createMilestone", Permission.EditPlans, async (c, input) =>
            c.Load<MilestoneByIdLoader, MilestoneRow?>(await c.Service<MilestoneCommands>().CreateAsync(
                input.ProjectId, input.Due, input.Text, input.IndicatorId, input.CumulativeValue, c.CancellationToken)));
        schema.Mutation.AddMutation<UpdateMilestoneInputType, UpdateMilestone, MilestoneType>("updateMilestone", Permission.EditPlans, async (c, input) =>
            c.Load<MilestoneByIdLoader, MilestoneRow?>(await c.Service<MilestoneCommands>().UpdateAsync(
                input.Id, input.Due, input.Text, input.IndicatorId, input.CumulativeValue, c.CancellationToken)));
        schema.Mutation.AddDelete("deleteMilestone", Permission.EditPlans, MilestoneType.TypeName, (c, id) => c.Service<MilestoneCommands>().DeleteAsync(id, c.CancellationToken));
        schema.Mutation.AddMutation<MarkMilestoneAchievedInputType, MarkMilestoneAchieved, MilestoneType>("markMilestoneAchieved", Permission.FileReports,
            async (c, input) => c.Load<MilestoneByIdLoader, MilestoneRow?>(
                await c.Service<MilestoneCommands>().MarkAchievedAsync(input.Id, input.AchievedOn, input.Evidence, c.CancellationToken)),
            "Marks a milestone achieved on a day, with its evidence (the lead unit's clerk or head).");
    }
}
