using GraphQL;
using GraphQL.Types;
using Minsheng.Application.Importing;
using Minsheng.Application.Reading;
using Minsheng.Domain;
using Minsheng.GraphQL.Loading;
using Minsheng.Importing;

namespace Minsheng.GraphQL.Types;

public sealed class ImportIssueType : ObjectGraphType<ImportIssue>
{
    public ImportIssueType()
    {
        Name = "ImportIssue";
        Description = "An error or warning about the document, with the line or cell it refers to.";
        Field(i => i.Code).Description("Stable code, e.g. table.missing, column.unknown.");
        Field(i => i.Message);
        Field(i => i.Location, nullable: true).Description("e.g. \"line 42\" or \"table 1, row 5, cell 3\".");
    }
}

public sealed class ImportPlanInputType : InputObjectGraphType
{
    public ImportPlanInputType()
    {
        Name = "ImportPlanInput";
        Field<NonNullGraphType<StringGraphType>>("fileName").Description("Used to recognise the format (.txt, .docx, .xlsx) and kept as the plan's source.");
        Field<NonNullGraphType<StringGraphType>>("contentBase64").Description($"The file, base64-encoded; at most {ImportPlanField.MaxFileBytes / 1024 / 1024} MB decoded.");
        Field<BooleanGraphType>("dryRun").Description("Only read and report; write nothing. Default false.");
        Field<IdGraphType>("replacePlanId").Description("Rewrite this draft plan's projects from the document instead of creating a plan.");
    }
}

public sealed class ImportPlanPayloadType : ObjectGraphType<PlanImportOutcome>
{
    public ImportPlanPayloadType()
    {
        Name = "ImportPlanPayload";
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
    }
}

internal static class ImportPlanField
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public static void Add(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ImportPlanPayloadType>>("importPlan")
            .Description("Reads a plan notice (.txt, .docx, .xlsx) into a draft plan; with dryRun only reports what it would create.")
            .Argument<NonNullGraphType<ImportPlanInputType>>("input")
            .ResolveAsync(c => c.Guard<object?>(async () =>
            {
                var input = new Input(c.GetArgument<Dictionary<string, object?>>("input"));
                var base64 = input.Required<string>("contentBase64");
                if (base64.Length > (MaxFileBytes + 2) / 3 * 4)
                    throw DomainException.Invalid("contentBase64", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB; import it with the CLI instead.");
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw DomainException.Invalid("contentBase64", "contentBase64 is not valid base64.");
                }
                return await c.Service<PlanImportService>().ImportAsync(content, input.Required<string>("fileName"),
                    input.Value<bool?>("dryRun") ?? false, input.OptionalId("replacePlanId", PlanType.TypeName), c.CancellationToken);
            }));
}
