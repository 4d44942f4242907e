namespace Minsheng.GraphQL.Regions;

public sealed class RegionCountsType : ObjectGraphType<RegionCounts>
{
    public RegionCountsType()
    {
        Name = "RegionCounts";
        Description = "Counts over a region's governments for a year: their published plans' top-level projects, targets and monthly reports.";
        this.ReachedThroughCheckedField();
        Field(c => c.Tenants).Description("Governments on the platform (active).");
        Field(c => c.Projects).Description("Top-level projects of the year's published plans.");
        Field(c => c.Targets);
        Field(c => c.ReportsFiled).Description("Monthly reports submitted or further along.");
        Field(c => c.ReportsSignedOff).Description("Monthly reports signed off by the unit head (approved or accepted).");
    }
}

public sealed class RegionPartType : ObjectGraphType<RegionPart>
{
    public RegionPartType()
    {
        Name = "RegionPart";
        this.ReachedThroughCheckedField();
        Field(p => p.RegionCode);
        Field(p => p.Name, nullable: true);
        Field<NonNullGraphType<RegionCountsType>>("counts").Resolve(c => c.Source.Counts);
    }
}

public sealed class RegionSummaryType : ObjectGraphType<RegionSummary>
{
    public RegionSummaryType()
    {
        Name = "RegionSummary";
        Description = "A region's figures for a year, for its analysts and dashboards: totals only, no government's rows.";
        this.ReachedThroughCheckedField();
        Field(s => s.RegionCode);
        Field(s => s.Name, nullable: true);
        Field(s => s.Year);
        Field<NonNullGraphType<RegionCountsType>>("total").Description("The region's own government and every one below it.").Resolve(c => c.Source.Total);
        Field<RegionCountsType>("own").Description("The region's own government (a city's own plan), if it is on the platform.").Resolve(c => c.Source.Own);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionPartType>>>>("children")
            .Description("Each child region (a province's cities, a city's counties) with everything below it: the drill-down.").Resolve(c => c.Source.Children);
    }
}
