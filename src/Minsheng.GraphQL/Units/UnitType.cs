namespace Minsheng.GraphQL.Units;

public sealed class UnitType : ObjectGraphType<UnitRow>
{
    public const string TypeName = "Unit";

    public UnitType(IEnumerable<ITypeExtension<UnitType>> extensions)
    {
        Name = TypeName;
        this.RequiresForFields(Permission.ReadTenantData);
        Description = "A department (单位) of the tenant's directory.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(u => u.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        IsTypeOf = o => o is UnitRow;
        this.ApplyExtensions(extensions);
    }
}
