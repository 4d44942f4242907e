using Minsheng.Application.Importing;
using Minsheng.Domain.Plans;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Plans;

public sealed class PlanType : ObjectGraphType<PlanRow>
{
    public const string TypeName = "Plan";

    public PlanType(IEnumerable<ITypeExtension<PlanType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
        Description = "A year's 民生实事 plan as issued in one notice.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(p => p.Year);
        Field(p => p.Title);
        Field(p => p.Issuer, nullable: true).Description("The issuing government or office.");
        Field(p => p.DocumentNumber, nullable: true).Description("e.g. 泾政办发〔2023〕4号");
        Field<DateOnlyGraphType>("issuedOn").Resolve(c => c.Source.IssuedOn);
        Field(p => p.Approval, nullable: true).Description("How the plan was approved, e.g. voted by the people's congress.");
        Field<NonNullGraphType<EnumerationGraphType<PlanStatus>>>("status").Resolve(c => c.Source.Status);
        Field(p => p.SourceDocumentName, nullable: true);
        Field<NonNullGraphType<ExportedFileType>>("export")
            .Description("The plan in the annex layout (.docx or .xlsx), base64-encoded; the importer reads it back.")
            .Argument<EnumerationGraphType<ExportFormat>>("format", a => a.DefaultValue = ExportFormat.Docx)
            // Building a document is real work: priced so that a query cannot ask for many at once.
            .WithComplexityImpact(20_000)
            .ResolveAsync(async c => await c.Guard(() => c.Service<PlanExportService>().ExportAsync(c.Source.Id, c.GetArgument("format", ExportFormat.Docx), c.CancellationToken)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectType>>>>("projects")
            .Description("All the plan's projects and sub-items in annex order (a plan has tens, not thousands). For paging use the root projects field with filter.planId.")
            .Resolve(c => c.Load<ProjectsByPlanLoader, IReadOnlyList<ProjectRow>>(c.Source.Id));
        IsTypeOf = o => o is PlanRow;
        this.ApplyExtensions(extensions);
    }
}
