namespace Minsheng.GraphQL.Regions;

public sealed class RegionsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions").Public()
            .Description("Administrative divisions: top level without parentCode, else the children of that code.")
            .Argument<StringGraphType>("parentCode")
            .ResolveAsync(async c => await c.Guard(() => c.Service<RegionQueries>().RegionsAsync(c.GetArgument<string?>("parentCode"), c.CancellationToken)));
        schema.Query.Field<NonNullGraphType<RegionSummaryType>>("regionSummary").Requires(Permission.ReadTenantData)
            .Description("A region's figures for a year across the governments below it, with the drill-down by child region (region analysts and region dashboards; their own region or one below it).")
            .Argument<NonNullGraphType<StringGraphType>>("regionCode")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Guard(async () =>
            {
                var figures = c.Service<RegionFigures>();
                var region = await figures.SelectAsync(c.GetArgument<string>("regionCode"), c.GetArgument<int>("year"), c.CancellationToken);
                // The totals and the catalog roll-ups are separate reads: both under way at once when both are asked for.
                var asked = (c.SubFields?.Values.Select(f => f.FieldType.Name) ?? []).ToHashSet(StringComparer.Ordinal);
                figures.StartReading(region, summary: asked.Overlaps(["total", "own", "children"]), tasks: asked.Contains("tasks"), c.CancellationToken);
                return (object?)region;
            }));
    }
}
