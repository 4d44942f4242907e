using Minsheng.Application.Importing;
using Minsheng.Importing;
using Minsheng.GraphQL.Plans;

namespace Minsheng.GraphQL.Importing;

public sealed class ImportPlanPayloadType : ObjectGraphType<PlanImportOutcome>
{
    public ImportPlanPayloadType(IEnumerable<ITypeExtension<ImportPlanPayloadType>> extensions)
    {
        Name = "ImportPlanPayload";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<BooleanGraphType>>("succeeded").Resolve(c => c.Source.Succeeded);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<BooleanGraphType>>("alreadyImported").Description("The same file was imported before; nothing new was created.")
            .Resolve(c => c.Source.AlreadyImported);
        Field<PlanType>("plan").Resolve(c => c.Source.PlanId is { } id ? c.Load<PlanByIdLoader, PlanRow?>(id) : null);
        Field<NonNullGraphType<StringGraphType>>("detectedFormat").Resolve(c => c.Source.Result.DetectedFormat);
        Field<StringGraphType>("detectedEncoding").Resolve(c => c.Source.Result.DetectedEncoding);
        Field<NonNullGraphType<StringGraphType>>("sha256").Resolve(c => c.Source.Result.Sha256Hex);
        Field<NonNullGraphType<IntGraphType>>("projectCount").Description("Projects and sub-items read from the document.")
            .Resolve(c => c.Source.Result.Draft?.AllProjects().Count() ?? 0);
        Field<StringGraphType>("draftJson").Description("The reviewable draft as documented JSON (see docs/import-draft.md).")
            .Resolve(c => PlanDraftJson.Serialize(c.Source.Result));
        Field<StringGraphType>("table").Description("The draft as a readable plain-text table.")
            .Resolve(c => c.Source.Result.Draft is { } d ? PlanDraftTable.Render(d) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportIssueType>>>>("errors").Resolve(c => c.Source.Result.Errors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportIssueType>>>>("warnings").Resolve(c => c.Source.AllWarnings.ToList());
        Field<NonNullGraphType<IntGraphType>>("recordedActuals").Description("For a completion disclosure: achieved figures recorded against the plan's targets.")
            .Resolve(c => c.Source.RecordedActuals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("createdUnits")
            .Description("Units the document named that the directory did not know; they were added to it.").Resolve(c => c.Source.CreatedUnits);
        this.ApplyExtensions(extensions);
    }
}
