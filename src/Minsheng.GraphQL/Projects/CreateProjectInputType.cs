using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Plans;
using Minsheng.GraphQL.Units;

namespace Minsheng.GraphQL.Projects;

/// <summary>createProject's input: where the project goes, what it is, and its units.</summary>
public sealed record CreateProject(Guid PlanId, Guid? ParentId, int? SortOrder, ProjectDetails Details, ProjectUnitsInput Units);

public sealed class CreateProjectInputType : InputType<CreateProject>
{
    private readonly InputField<Guid> _planId;
    private readonly InputField<Guid?> _parentId;
    private readonly InputField<string> _sequence;
    private readonly InputField<string> _name;
    private readonly InputField<int?> _sortOrder;
    private readonly InputField<string?> _content;
    private readonly InputField<string?> _category;
    private readonly InputField<decimal?> _investmentYuan;
    private readonly InputField<string?> _investmentText;
    private readonly InputField<string?> _commandHeadquarters;
    private readonly InputField<string?> _responsibleLeader;
    private readonly InputField<Deadline?> _deadline;
    private readonly InputField<string?> _remarks;
    private readonly InputField<IReadOnlyList<Guid>?> _leadUnitIds;
    private readonly InputField<IReadOnlyList<Guid>?> _coUnitIds;
    private readonly InputField<IReadOnlyList<Guid>?> _certificationUnitIds;

    public CreateProjectInputType()
    {
        Name = "CreateProjectInput";
        _planId = Id("planId", PlanType.TypeName);
        _parentId = OptionalId("parentId", ProjectType.TypeName, "For a sub-item: the project it belongs to.");
        _sequence = Required<StringGraphType, string>("sequence");
        _name = Required<StringGraphType, string>("name");
        _sortOrder = Optional<IntGraphType, int?>("sortOrder");
        _content = Optional<StringGraphType, string>("content");
        _category = Optional<StringGraphType, string>("category");
        _investmentYuan = Optional<DecimalGraphType, decimal?>("investmentYuan");
        _investmentText = Optional<StringGraphType, string>("investmentText");
        _commandHeadquarters = Optional<StringGraphType, string>("commandHeadquarters");
        _responsibleLeader = Optional<StringGraphType, string>("responsibleLeader");
        _deadline = Optional<DeadlineInputType, Deadline?>("deadline", convert: v => DeadlineInputType.From(v));
        _remarks = Optional<StringGraphType, string>("remarks");
        _leadUnitIds = Ids("leadUnitIds", UnitType.TypeName);
        _coUnitIds = Ids("coUnitIds", UnitType.TypeName);
        _certificationUnitIds = Ids("certificationUnitIds", UnitType.TypeName);
    }

    public override CreateProject Read(InputValues input) => new(
        input.Get(_planId), input.Get(_parentId), input.Get(_sortOrder),
        new ProjectDetails(input.Get(_sequence), input.Get(_name), input.Get(_content), input.Get(_category), input.Get(_investmentYuan),
            input.Get(_investmentText), input.Get(_commandHeadquarters), input.Get(_responsibleLeader), input.Get(_deadline), input.Get(_remarks)),
        new ProjectUnitsInput(input.Get(_leadUnitIds), input.Get(_coUnitIds), input.Get(_certificationUnitIds)));
}
