namespace Minsheng.GraphQL.Units;

/// <summary>createUnit's input: a department and the other names documents use for it.</summary>
public sealed record CreateUnit(string Name, IReadOnlyList<string>? Aliases);

public sealed class CreateUnitInputType : InputType<CreateUnit>
{
    private readonly InputField<string> _name;
    private readonly InputField<IReadOnlyList<string>?> _aliases;

    public CreateUnitInputType()
    {
        Name = "CreateUnitInput";
        _name = Required<StringGraphType, string>("name");
        _aliases = Strings("aliases");
    }

    public override CreateUnit Read(InputValues input) => new(input.Get(_name), input.Get(_aliases));
}
