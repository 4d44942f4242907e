using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Indicators;

/// <summary>updateIndicator's input: the fields to change.</summary>
public sealed record UpdateIndicator(Guid Id, Opt<string> Label, Opt<Comparator> Comparator, Opt<decimal> TargetValue, Opt<string> Unit,
    Opt<string?> SourcePhrase);

public sealed class UpdateIndicatorInputType : InputType<UpdateIndicator>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<Opt<string>> _label;
    private readonly InputField<Opt<Comparator>> _comparator;
    private readonly InputField<Opt<decimal>> _targetValue;
    private readonly InputField<Opt<string>> _unit;
    private readonly InputField<Opt<string?>> _sourcePhrase;

    public UpdateIndicatorInputType()
    {
        Name = "UpdateIndicatorInput";
        _id = Id("id", IndicatorType.TypeName);
        _label = Keep<StringGraphType, string>("label");
        _comparator = Keep<EnumerationGraphType<Comparator>, Comparator>("comparator");
        _targetValue = Keep<DecimalGraphType, decimal>("targetValue");
        _unit = Keep<StringGraphType, string>("unit");
        _sourcePhrase = Patch<StringGraphType, string>("sourcePhrase");
    }

    public override UpdateIndicator Read(InputValues input) => new(input.Get(_id), input.Get(_label), input.Get(_comparator),
        input.Get(_targetValue), input.Get(_unit), input.Get(_sourcePhrase));
}
