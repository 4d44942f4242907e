using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Units;

/// <summary>updateUnit's input: a new name and/or a new alias list (null clears the aliases).</summary>
public sealed record UpdateUnit(Guid Id, Opt<string> Name, Opt<IReadOnlyList<string>> Aliases);

public sealed class UpdateUnitInputType : InputType<UpdateUnit>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<Opt<string>> _name;
    private readonly InputField<IReadOnlyList<string>?> _aliases;

    public UpdateUnitInputType()
    {
        Name = "UpdateUnitInput";
        _id = Id("id", UnitType.TypeName);
        _name = Keep<StringGraphType, string>("name");
        _aliases = Strings("aliases");
    }

    public override UpdateUnit Read(InputValues input) => new(input.Get(_id), input.Get(_name),
        input.Get(_aliases) is { } aliases ? Opt<IReadOnlyList<string>>.Of(aliases) : Opt<IReadOnlyList<string>>.Absent);
}
