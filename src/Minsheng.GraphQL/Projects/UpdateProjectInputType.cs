using Minsheng.Domain.Values;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Units;

namespace Minsheng.GraphQL.Projects;

/// <summary>updateProject's input: the fields to change, and the unit lists to replace (null when none is given).</summary>
public sealed record UpdateProject(Guid Id, ProjectPatch Patch, ProjectUnitsInput? Units);

public sealed class UpdateProjectInputType : InputType<UpdateProject>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<Opt<string>> _sequence;
    private readonly InputField<Opt<string>> _name;
    private readonly InputField<Opt<int>> _sortOrder;
    private readonly InputField<Opt<string?>> _content;
    private readonly InputField<Opt<string?>> _category;
    private readonly InputField<Opt<decimal?>> _investmentYuan;
    private readonly InputField<Opt<string?>> _investmentText;
    private readonly InputField<Opt<string?>> _commandHeadquarters;
    private readonly InputField<Opt<string?>> _responsibleLeader;
    private readonly InputField<Opt<Deadline?>> _deadline;
    private readonly InputField<Opt<string?>> _remarks;
    private readonly InputField<IReadOnlyList<Guid>?> _leadUnitIds;
    private readonly InputField<IReadOnlyList<Guid>?> _coUnitIds;
    private readonly InputField<IReadOnlyList<Guid>?> _certificationUnitIds;

    public UpdateProjectInputType()
    {
        Name = "UpdateProjectInput";
        _id = Id("id", ProjectType.TypeName);
        _sequence = Keep<StringGraphType, string>("sequence");
        _name = Keep<StringGraphType, string>("name");
        _sortOrder = Keep<IntGraphType, int>("sortOrder");
        _content = Patch<StringGraphType, string>("content");
        _category = Patch<StringGraphType, string>("category");
        _investmentYuan = Patch<DecimalGraphType, decimal?>("investmentYuan");
        _investmentText = Patch<StringGraphType, string>("investmentText");
        _commandHeadquarters = Patch<StringGraphType, string>("commandHeadquarters");
        _responsibleLeader = Patch<StringGraphType, string>("responsibleLeader");
        _deadline = Patch<DeadlineInputType, Deadline?>("deadline", convert: v => DeadlineInputType.From(v));
        _remarks = Patch<StringGraphType, string>("remarks");
        _leadUnitIds = Ids("leadUnitIds", UnitType.TypeName);
        _coUnitIds = Ids("coUnitIds", UnitType.TypeName);
        _certificationUnitIds = Ids("certificationUnitIds", UnitType.TypeName);
    }

    public override UpdateProject Read(InputValues input)
    {
        var units = new ProjectUnitsInput(input.Get(_leadUnitIds), input.Get(_coUnitIds), input.Get(_certificationUnitIds));
        return new UpdateProject(input.Get(_id),
            new ProjectPatch(input.Get(_sequence), input.Get(_name), input.Get(_content), input.Get(_category), input.Get(_investmentYuan),
                input.Get(_investmentText), input.Get(_commandHeadquarters), input.Get(_responsibleLeader), input.Get(_deadline),
                input.Get(_remarks), input.Get(_sortOrder)),
            units is { Lead: null, Co: null, Certifiers: null } ? null : units);
    }
}
