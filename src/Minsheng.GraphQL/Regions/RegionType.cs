using Minsheng.Domain.Regions;

namespace Minsheng.GraphQL.Regions;

public sealed class RegionType : ObjectGraphType<RegionRow>
{
    public RegionType()
    {
        Name = "Region";
        this.PublicFields();
        Description = "An administrative division (GB/T 2260). Shared reference data.";
        Field(r => r.Code);
        Field(r => r.Name);
        Field<NonNullGraphType<EnumerationGraphType<RegionLevel>>>("level").Resolve(c => Enum.Parse<RegionLevel>(c.Source.Level));
        Field(r => r.ParentCode, nullable: true);
    }
}
