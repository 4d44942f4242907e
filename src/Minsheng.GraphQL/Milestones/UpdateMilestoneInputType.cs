using Minsheng.Domain.Values;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Indicators;

namespace Minsheng.GraphQL.Milestones;

/// <summary>updateMilestone's input: the fields to change.</summary>
public sealed record UpdateMilestone(Guid Id, Opt<Deadline> Due, Opt<string> Text, Opt<Guid?> IndicatorId, Opt<decimal?> CumulativeValue);

public sealed class UpdateMilestoneInputType : InputType<UpdateMilestone>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<Opt<Deadline>> _due;
    private readonly InputField<Opt<string>> _text;
    private readonly InputField<Opt<Guid?>> _indicatorId;
    private readonly InputField<Opt<decimal?>> _cumulativeValue;

    public UpdateMilestoneInputType()
    {
        Name = "UpdateMilestoneInput";
        _id = Id("id", MilestoneType.TypeName);
        _due = Keep<DeadlineInputType, Deadline>("due", convert: DeadlineInputType.From);
        _text = Keep<StringGraphType, string>("text");
        _indicatorId = PatchId("indicatorId", IndicatorType.TypeName);
        _cumulativeValue = Patch<DecimalGraphType, decimal?>("cumulativeValue");
    }

    public override UpdateMilestone Read(InputValues input) => new(input.Get(_id), input.Get(_due), input.Get(_text),
        input.Get(_indicatorId), input.Get(_cumulativeValue));
}
