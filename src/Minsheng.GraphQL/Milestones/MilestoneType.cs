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
        IsTypeOf = o => o is MilestoneRow;
        this.ApplyExtensions(extensions);
    }
}
