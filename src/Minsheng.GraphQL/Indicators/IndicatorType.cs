using Minsheng.Domain.Values;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Indicators;

public sealed class IndicatorType : ObjectGraphType<IndicatorRow>
{
    public const string TypeName = "Indicator";

    public IndicatorType(IEnumerable<ITypeExtension<IndicatorType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
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
        this.ApplyExtensions(extensions);
    }
}
