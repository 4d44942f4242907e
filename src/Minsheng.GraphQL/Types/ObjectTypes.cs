using GraphQL;
using GraphQL.Types;
using Minsheng.Application.Importing;
using Minsheng.Application.Reading;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Loading;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Types;

// Thin graph types: fields map rows, relations go through scoped batch loaders, nothing else happens here.

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, fetchable with the node field.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.");
    }
}

public sealed class PlanType : ObjectGraphType<PlanRow>
{
    public const string TypeName = "Plan";

    public PlanType()
    {
        Name = TypeName;
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
    }
}

public sealed class ExportedFileType : ObjectGraphType<ExportedFile>
{
    public ExportedFileType()
    {
        Name = "ExportedFile";
        Field(f => f.FileName);
        Field(f => f.MediaType);
        Field<NonNullGraphType<StringGraphType>>("contentBase64").Resolve(c => Convert.ToBase64String(c.Source.Content));
    }
}

public sealed class DeadlineType : ObjectGraphType<Deadline>
{
    public DeadlineType()
    {
        Name = "Deadline";
        Description = "A date as a plan states it: the latest day the statement allows, and how precisely it was stated.";
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision").Resolve(c => c.Source.Precision);
        Field<NonNullGraphType<StringGraphType>>("text").Description("As the plan would write it, e.g. 2024年3月中旬.").Resolve(c => c.Source.ToString());
    }
}

public sealed class ProjectType : ObjectGraphType<ProjectRow>
{
    public const string TypeName = "Project";

    public ProjectType()
    {
        Name = TypeName;
        Description = "One 实事 of a plan; sub-items point to their parent.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<PlanType>>("plan").Resolve(c => c.Load<PlanByIdLoader, PlanRow?>(c.Source.PlanId));
        Field<ProjectType>("parent").Resolve(c => c.Source.ParentId is { } p ? c.Load<ProjectByIdLoader, ProjectRow?>(p) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectType>>>>("subItems")
            .Resolve(c => c.Load<SubItemsByProjectLoader, IReadOnlyList<ProjectRow>>(c.Source.Id));
        Field(p => p.SortOrder).Description("Position in the plan.");
        Field(p => p.Sequence).Description("The number as printed: \"9\" or \"9(1)\".");
        Field(p => p.Name).Description("As printed, with any category tag such as （省定） kept.");
        Field(p => p.Content, nullable: true);
        Field<StringGraphType>("category").Description("Plugin-defined category code, e.g. provincial, municipal, local.").Resolve(c => c.Source.CategoryCode);
        Field<DecimalGraphType>("investmentYuan").Description("Planned investment in yuan.").Resolve(c => c.Source.InvestmentYuan);
        Field(p => p.InvestmentText, nullable: true).Description("The investment cell as printed.");
        Field(p => p.CommandHeadquarters, nullable: true).Description("责任指挥部");
        Field(p => p.ResponsibleLeader, nullable: true).Description("责任领导");
        Field<DeadlineType>("deadline").Resolve(c => c.Source.Deadline);
        Field(p => p.Remarks, nullable: true);
        Field<UnitType>("leadUnit").Description("The first lead unit: the one that files the monthly reports.")
            .Resolve(c => Units(c).Then(list => list.FirstOrDefault(u => u.Role == ProjectUnitRole.Lead)?.Unit));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("leadUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Lead));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("coUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Co));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("certificationUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Certifier));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators").Description("The project's quantified targets.")
            .Resolve(c => c.Load<IndicatorsByProjectLoader, IReadOnlyList<IndicatorRow>>(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>>("milestones")
            .Resolve(c => c.Load<MilestonesByProjectLoader, IReadOnlyList<MilestoneRow>>(c.Source.Id));
        Field<ProgressReportType>("latestReport").Description("The most recent monthly report.")
            .Resolve(c => c.Load<LatestReportByProjectLoader, ReportRow?>(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressReportType>>>>("reports").Description("Monthly reports, newest first.")
            .Resolve(c => c.Load<ReportsByProjectLoader, IReadOnlyList<ReportRow>>(c.Source.Id));
        IsTypeOf = o => o is ProjectRow;
    }

    private static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<ProjectUnitRow>> Units(IResolveFieldContext<ProjectRow> c) =>
        c.Load<UnitsByProjectLoader, IReadOnlyList<ProjectUnitRow>>(c.Source.Id);

    private static object UnitsIn(IResolveFieldContext<ProjectRow> c, ProjectUnitRole role) =>
        Units(c).Then(list => list.Where(u => u.Role == role).Select(u => u.Unit).ToList());
}

public sealed class IndicatorType : ObjectGraphType<IndicatorRow>
{
    public const string TypeName = "Indicator";

    public IndicatorType()
    {
        Name = TypeName;
        Description = "A quantified target (目标) of a project.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field(i => i.Position);
        Field(i => i.Label);
        Field<NonNullGraphType<EnumerationGraphType<Comparator>>>("comparator").Resolve(c => c.Source.Comparator);
        Field<NonNullGraphType<DecimalGraphType>>("targetValue").Resolve(c => c.Source.TargetValue);
        Field(i => i.Unit).Description("Unit of measure: 户, 人次, 公里, %, ‰ …");
        Field(i => i.SourcePhrase, nullable: true).Description("The phrase of the plan the target was read from.");
        IsTypeOf = o => o is IndicatorRow;
    }
}

public sealed class MilestoneType : ObjectGraphType<MilestoneRow>
{
    public const string TypeName = "Milestone";

    public MilestoneType()
    {
        Name = TypeName;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<NonNullGraphType<DeadlineType>>("due").Resolve(c => c.Source.Due);
        Field(m => m.Text);
        Field<IndicatorType>("indicator").Description("The target this milestone advances.")
            .Resolve(c => c.Source.IndicatorId is { } i ? c.Load<IndicatorByIdLoader, IndicatorRow?>(i) : null);
        Field<DecimalGraphType>("cumulativeValue").Description("Cumulative figure of the indicator due by this date.").Resolve(c => c.Source.CumulativeValue);
        IsTypeOf = o => o is MilestoneRow;
    }
}

public sealed class UnitType : ObjectGraphType<UnitRow>
{
    public const string TypeName = "Unit";

    public UnitType()
    {
        Name = TypeName;
        Description = "A department (单位) of the tenant's directory.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(u => u.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        IsTypeOf = o => o is UnitRow;
    }
}

public sealed class ProgressReportType : ObjectGraphType<ReportRow>
{
    public const string TypeName = "ProgressReport";

    public ProgressReportType()
    {
        Name = TypeName;
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActualType>>>>("actuals").Description("Achieved figures of the project's targets, as reported.")
            .Resolve(c => c.Load<ActualsByReportLoader, IReadOnlyList<ActualRow>>(c.Source.Id));
        IsTypeOf = o => o is ReportRow;
    }
}

public sealed class ActualType : ObjectGraphType<ActualRow>
{
    public ActualType()
    {
        Name = "Actual";
        Description = "The achieved figure of one target, as a report states it.";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Load<IndicatorByIdLoader, IndicatorRow?>(c.Source.IndicatorId));
        Field<NonNullGraphType<DecimalGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

public sealed class TenantType : ObjectGraphType<TenantContext>
{
    public TenantType()
    {
        Name = "Tenant";
        Description = "The government this request acts for.";
        Field(t => t.RegionCode).Description("GB/T 2260 six-digit code; identifies the tenant.");
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("enabledPlugins").Resolve(c => c.Source.EnabledPlugins);
    }
}

public sealed class RegionType : ObjectGraphType<RegionRow>
{
    public RegionType()
    {
        Name = "Region";
        Description = "An administrative division (GB/T 2260). Shared reference data.";
        Field(r => r.Code);
        Field(r => r.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => Enum.Parse<RegionLevel>(c.Source.Level));
        Field(r => r.ParentCode, nullable: true);
    }
}
