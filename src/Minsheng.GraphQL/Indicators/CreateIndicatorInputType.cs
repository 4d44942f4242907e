using Minsheng.Domain.Values;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Indicators;

/// <summary>createIndicator's input: a target of a project.</summary>
public sealed record CreateIndicator(Guid ProjectId, string Label, Comparator Comparator, Quantity Target, string? SourcePhrase);

public sealed class CreateIndicatorInputType : InputType<CreateIndicator>
{
    private readonly InputField<Guid> _projectId;
    private readonly InputField<string> _label;
    private readonly InputField<Comparator> _comparator;
    private readonly InputField<decimal> _targetValue;
    private readonly InputField<string> _unit;
    private readonly InputField<string?> _sourcePhrase;

    public CreateIndicatorInputType()
    {
        Name = "CreateIndicatorInput";
        _projectId = Id("projectId", ProjectType.TypeName);
        _label = Required<StringGraphType, string>("label");
        _comparator = Required<EnumerationGraphType<Comparator>, Comparator>("comparator");
        _targetValue = Required<DecimalGraphType, decimal>("targetValue");
        _unit = Required<StringGraphType, string>("unit");
        _sourcePhrase = Optional<StringGraphType, string>("sourcePhrase");
    }

    public override CreateIndicator Read(InputValues input) => new(input.Get(_projectId), input.Get(_label), input.Get(_comparator),
        new Quantity(input.Get(_targetValue), input.Get(_unit)), input.Get(_sourcePhrase));
}
