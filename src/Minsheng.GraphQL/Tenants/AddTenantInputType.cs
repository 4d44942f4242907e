namespace Minsheng.GraphQL.Tenants;

/// <summary>addTenant's input: the GB/T 2260 code of the government to onboard.</summary>
public sealed record AddTenant(string RegionCode);

public sealed class AddTenantInputType : InputType<AddTenant>
{
    private readonly InputField<string> _regionCode;

    public AddTenantInputType()
    {
        Name = "AddTenantInput";
        _regionCode = Required<StringGraphType, string>("regionCode", "Six-digit GB/T 2260 code, e.g. 411526; the name and level come from the shipped division list.");
    }

    public override AddTenant Read(InputValues input) => new(input.Get(_regionCode));
}
