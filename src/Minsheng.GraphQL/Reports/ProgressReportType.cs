using Minsheng.Domain.Reports;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Reports;

public sealed class ProgressReportType : ObjectGraphType<ReportRow>
{
    public const string TypeName = "ProgressReport";

    public ProgressReportType(IEnumerable<ITypeExtension<ProgressReportType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
        Description = "A lead unit's monthly progress report (月度调度).";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<NonNullGraphType<StringGraphType>>("period").Description("The reported month, yyyy-MM.").Resolve(c => c.Source.Period.ToString("yyyy-MM"));
        Field<NonNullGraphType<EnumerationGraphType<ReportStatus>>>("status").Resolve(c => c.Source.Status);
        Field(r => r.Progress, nullable: true);
        Field(r => r.Problems, nullable: true);
        Field(r => r.NextSteps, nullable: true);
        Field<DecimalGraphType>("investmentCompletedYuan").Resolve(c => c.Source.InvestmentCompletedYuan);
        Field<DateTimeOffsetGraphType>("submittedAt").Resolve(c => c.Source.SubmittedAt);
        Field<StringGraphType>("submittedBy").Resolve(c => c.Source.Signatures.SubmittedBy);
        Field<StringGraphType>("approvedBy").Description("The unit head who signed it off (签字盖章).").Resolve(c => c.Source.Signatures.ApprovedBy);
        Field<DateTimeOffsetGraphType>("approvedAt").Resolve(c => c.Source.Signatures.ApprovedAt);
        Field<StringGraphType>("acceptedBy").Description("Who accepted it for the supervision office; an accepted month is locked.").Resolve(c => c.Source.Signatures.AcceptedBy);
        Field<DateTimeOffsetGraphType>("acceptedAt").Resolve(c => c.Source.Signatures.AcceptedAt);
        Field<StringGraphType>("returnedBy").Resolve(c => c.Source.Signatures.ReturnedBy);
        Field<DateTimeOffsetGraphType>("returnedAt").Resolve(c => c.Source.Signatures.ReturnedAt);
        Field<StringGraphType>("returnReason").Description("Why it was last sent back.").Resolve(c => c.Source.Signatures.ReturnReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActualType>>>>("actuals").Description("Achieved figures of the project's targets, as reported.")
            .Resolve(c => c.Load<ActualsByReportLoader, IReadOnlyList<ActualRow>>(c.Source.Id));
        IsTypeOf = o => o is ReportRow;
        this.ApplyExtensions(extensions);
    }
}
