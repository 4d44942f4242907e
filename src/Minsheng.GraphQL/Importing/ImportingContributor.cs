using Minsheng.Application.Importing;
using Minsheng.GraphQL.Plans;

namespace Minsheng.GraphQL.Importing;

/// <summary>Document import: the importPlan mutation.</summary>
public sealed class ImportingContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.Mutation.AddMutation<ImportPlanInputType, ImportPlan, ImportPlanPayloadType>("importPlan", Permission.EditPlans, async (c, input) =>
                await c.Service<PlanImportService>().ImportAsync(input.Content, input.FileName, input.DryRun, input.ReplacePlanId, c.CancellationToken),
            "Reads a plan notice (.txt, .docx, .xlsx) into a draft plan; with dryRun only reports what it would create.");
}
