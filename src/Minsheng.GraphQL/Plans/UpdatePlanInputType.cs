using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Plans;

/// <summary>updatePlan's input: the plan and the fields to change (absent keeps, null clears where allowed).</summary>
public sealed record UpdatePlan(Guid Id, PlanPatch Patch);

public sealed class UpdatePlanInputType : InputType<UpdatePlan>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<Opt<int>> _year;
    private readonly InputField<Opt<string>> _title;
    private readonly InputField<Opt<string?>> _issuer;
    private readonly InputField<Opt<string?>> _documentNumber;
    private readonly InputField<Opt<DateOnly?>> _issuedOn;
    private readonly InputField<Opt<string?>> _approval;

    public UpdatePlanInputType()
    {
        Name = "UpdatePlanInput";
        _id = Id("id", PlanType.TypeName);
        _year = Keep<IntGraphType, int>("year");
        _title = Keep<StringGraphType, string>("title");
        _issuer = Patch<StringGraphType, string>("issuer");
        _documentNumber = Patch<StringGraphType, string>("documentNumber");
        _issuedOn = Patch<DateOnlyGraphType, DateOnly?>("issuedOn");
        _approval = Patch<StringGraphType, string>("approval");
    }

    public override UpdatePlan Read(InputValues input) => new(input.Get(_id), new PlanPatch(input.Get(_year), input.Get(_title),
        input.Get(_issuer), input.Get(_documentNumber), input.Get(_issuedOn), input.Get(_approval)));
}
