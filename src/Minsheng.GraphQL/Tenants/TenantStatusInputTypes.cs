namespace Minsheng.GraphQL.Tenants;

/// <summary>disableTenant's and enableTenant's input: the region code of an existing tenant.</summary>
public sealed record TenantByRegionCode(string RegionCode);

/// <summary>Both inputs hold just the code; separate input types keep each mutation's input its own, as elsewhere in the schema.</summary>
public abstract class TenantByRegionCodeInputType : InputType<TenantByRegionCode>
{
    private readonly InputField<string> _regionCode;

    protected TenantByRegionCodeInputType(string name)
    {
        Name = name;
        _regionCode = Required<StringGraphType, string>("regionCode", "Six-digit GB/T 2260 code of the tenant, e.g. 411526.");
    }

    public override TenantByRegionCode Read(InputValues input) => new(input.Get(_regionCode));
}

public sealed class DisableTenantInputType() : TenantByRegionCodeInputType("DisableTenantInput");

public sealed class EnableTenantInputType() : TenantByRegionCodeInputType("EnableTenantInput");
