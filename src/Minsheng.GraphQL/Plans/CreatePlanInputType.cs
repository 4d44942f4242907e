namespace Minsheng.GraphQL.Plans;

public sealed class CreatePlanInputType : InputType<PlanInput>
{
    private readonly InputField<int> _year;
    private readonly InputField<string> _title;
    private readonly InputField<string?> _issuer;
    private readonly InputField<string?> _documentNumber;
    private readonly InputField<DateOnly?> _issuedOn;
    private readonly InputField<string?> _approval;

    public CreatePlanInputType()
    {
        Name = "CreatePlanInput";
        _year = Required<IntGraphType, int>("year");
        _title = Required<StringGraphType, string>("title");
        _issuer = Optional<StringGraphType, string>("issuer");
        _documentNumber = Optional<StringGraphType, string>("documentNumber");
        _issuedOn = Optional<DateOnlyGraphType, DateOnly?>("issuedOn");
        _approval = Optional<StringGraphType, string>("approval");
    }

    public override PlanInput Read(InputValues input) => new(input.Get(_year), input.Get(_title), input.Get(_issuer),
        input.Get(_documentNumber), input.Get(_issuedOn), input.Get(_approval));
}
