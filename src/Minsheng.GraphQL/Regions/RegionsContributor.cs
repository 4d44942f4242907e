namespace Minsheng.GraphQL.Regions;

public sealed class RegionsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema) =>
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions").Public()
            .Description("Administrative divisions: top level without parentCode, else the children of that code.")
            .Argument<StringGraphType>("parentCode")
            .ResolveAsync(async c => await c.Guard(() => c.Service<RegionQueries>().RegionsAsync(c.GetArgument<string?>("parentCode"), c.CancellationToken)));
}
