using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Plans;
using Minsheng.GraphQL.Units;

namespace Minsheng.GraphQL.Projects;

public sealed class ProjectFilterInputType : InputType<ProjectFilter>
{
    private readonly InputField<Guid?> _planId;
    private readonly InputField<int?> _year;
    private readonly InputField<string?> _category;
    private readonly InputField<Guid?> _unitId;
    private readonly InputField<string?> _search;
    private readonly InputField<bool?> _topLevelOnly;

    public ProjectFilterInputType()
    {
        Name = "ProjectFilter";
        _planId = OptionalId("planId", PlanType.TypeName);
        _year = Optional<IntGraphType, int?>("year", "The plan year.");
        _category = Optional<StringGraphType, string>("category", "Category code, e.g. provincial.");
        _unitId = OptionalId("unitId", UnitType.TypeName, "Projects this unit leads, supports or certifies.");
        _search = Optional<StringGraphType, string>("search", "Text in the name or content.");
        _topLevelOnly = Optional<BooleanGraphType, bool?>("topLevelOnly", "Leave out sub-items.");
    }

    public override ProjectFilter Read(InputValues input) => new(input.Get(_planId), input.Get(_year), input.Get(_category),
        input.Get(_unitId), SearchText.Checked(input.Get(_search), "search"), input.Get(_topLevelOnly) ?? false);
}
