using Minsheng.Domain.Plans;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Milestones;

public sealed class MilestoneType : ObjectGraphType<MilestoneRow>
{
    public const string TypeName = "Milestone";

    public MilestoneType(IEnumerable<ITypeExtension<MilestoneType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<NonNullGraphType<DeadlineType>>("due").Resolve(c => c.Source.Due);
        Field(m => m.Text);
        Field<IndicatorType>("indicator").Description("The target this milestone advances.")
            .Resolve(c => c.Source.IndicatorId is { } i ? c.Load<IndicatorByIdLoader, IndicatorRow?>(i) : null);
        Field<DecimalGraphType>("cumulativeValue").Description("Cumulative figure of the indicator due by this date.").Resolve(c => c.Source.CumulativeValue);
        Field<DateOnlyGraphType>("achievedOn").Description("The day the lead unit says it was done; null while it is not.").Resolve(c => c.Source.AchievedOn);
        Field(m => m.AchievedBy, nullable: true);
        Field(m => m.Evidence, nullable: true).Description("What shows it was done (佐证).");
        Field<NonNullGraphType<EnumerationGraphType<MilestoneState>>>("state")
            .Description("As of a day (default today): ACHIEVED, ACHIEVED_LATE, MISSED (its last allowed day — 月底, 中旬, 年底前 read as the latest day they allow — passed), or PENDING.")
            .Argument<DateOnlyGraphType>("asOf")
            .Resolve(c => Milestone.StateOf(c.Source.Due, c.Source.AchievedOn,
                c.GetArgument<DateOnly?>("asOf") ?? c.Service<TimeProvider>().Today()));
        IsTypeOf = o => o is MilestoneRow;
        this.ApplyExtensions(extensions);
    }
}
