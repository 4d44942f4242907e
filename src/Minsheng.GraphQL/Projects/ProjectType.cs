using Minsheng.Domain.Plans;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Milestones;
using Minsheng.GraphQL.Plans;
using Minsheng.GraphQL.Reports;
using Minsheng.GraphQL.Units;

namespace Minsheng.GraphQL.Projects;

public sealed class ProjectType : ObjectGraphType<ProjectRow>
{
    public const string TypeName = "Project";

    public ProjectType(IEnumerable<ITypeExtension<ProjectType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
        Description = "One 实事 of a plan; sub-items point to their parent.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<PlanType>>("plan").Resolve(c => c.Load<PlanByIdLoader, PlanRow?>(c.Source.PlanId));
        Field<ProjectType>("parent").Resolve(c => c.Source.ParentId is { } p ? c.Load<ProjectByIdLoader, ProjectRow?>(p) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectType>>>>("subItems")
            .Resolve(c => c.Load<SubItemsByProjectLoader, IReadOnlyList<ProjectRow>>(c.Source.Id)).LoadsAlongWithPage(typeof(SubItemsByProjectLoader));
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
        Field<NonNullGraphType<EnumerationGraphType<ProjectState>>>("state")
            .Description("ACTIVE; SUSPENDED or CANCELLED by a change decision; CLOSED_OUT (销号) by the supervision office.").Resolve(c => c.Source.State);
        Field(p => p.ClosedOutBy, nullable: true).Description("Who closed it out (销号).");
        Field<DateTimeOffsetGraphType>("closedOutAt").Resolve(c => c.Source.ClosedOutAt);
        Field(p => p.ClosureNote, nullable: true).Description("Why it was closed out.");
        Field<UnitType>("leadUnit").Description("The first lead unit: the one that files the monthly reports.")
            .Resolve(c => Units(c).Then(list => list.FirstOrDefault(u => u.Role == ProjectUnitRole.Lead)?.Unit)).LoadsAlongWithPage(typeof(UnitsByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("leadUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Lead))
            .LoadsAlongWithPage(typeof(UnitsByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("coUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Co))
            .LoadsAlongWithPage(typeof(UnitsByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("certificationUnits").Resolve(c => UnitsIn(c, ProjectUnitRole.Certifier))
            .LoadsAlongWithPage(typeof(UnitsByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators").Description("The project's quantified targets.")
            .Resolve(c => c.Load<IndicatorsByProjectLoader, IReadOnlyList<IndicatorRow>>(c.Source.Id)).LoadsAlongWithPage(typeof(IndicatorsByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>>("milestones")
            .Resolve(c => c.Load<MilestonesByProjectLoader, IReadOnlyList<MilestoneRow>>(c.Source.Id)).LoadsAlongWithPage(typeof(MilestonesByProjectLoader));
        Field<ProgressReportType>("latestReport").Description("The most recent monthly report.")
            .Resolve(c => c.Load<LatestReportByProjectLoader, ReportRow?>(c.Source.Id)).LoadsAlongWithPage(typeof(LatestReportByProjectLoader));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressReportType>>>>("reports").Description("Monthly reports, newest first.")
            .Resolve(c => c.Load<ReportsByProjectLoader, IReadOnlyList<ReportRow>>(c.Source.Id)).LoadsAlongWithPage(typeof(ReportsByProjectLoader));
        IsTypeOf = o => o is ProjectRow;
        this.ApplyExtensions(extensions);
    }

    private static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<ProjectUnitRow>> Units(IResolveFieldContext<ProjectRow> c) =>
        c.Load<UnitsByProjectLoader, IReadOnlyList<ProjectUnitRow>>(c.Source.Id);

    private static object UnitsIn(IResolveFieldContext<ProjectRow> c, ProjectUnitRole role) =>
        Units(c).Then(list => list.Where(u => u.Role == role).Select(u => u.Unit).ToList());
}
