using Minsheng.Domain.Values;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Milestones;

/// <summary>createMilestone's input: a dated step of a project, optionally a cumulative figure of one of its targets.</summary>
public sealed record CreateMilestone(Guid ProjectId, Deadline Due, string Text, Guid? IndicatorId, decimal? CumulativeValue);

public sealed class CreateMilestoneInputType : InputType<CreateMilestone>
{
    private readonly InputField<Guid> _projectId;
    private readonly InputField<Deadline> _due;
    private readonly InputField<string> _text;
    private readonly InputField<Guid?> _indicatorId;
    private readonly InputField<decimal?> _cumulativeValue;

    public CreateMilestoneInputType()
    {
        Name = "CreateMilestoneInput";
        _projectId = Id("projectId", ProjectType.TypeName);
        _due = Required<DeadlineInputType, Deadline>("due", convert: DeadlineInputType.From);
        _text = Required<StringGraphType, string>("text");
        _indicatorId = OptionalId("indicatorId", IndicatorType.TypeName);
        _cumulativeValue = Optional<DecimalGraphType, decimal?>("cumulativeValue");
    }

    public override CreateMilestone Read(InputValues input) => new(input.Get(_projectId), input.Get(_due), input.Get(_text),
        input.Get(_indicatorId), input.Get(_cumulativeValue));
}
