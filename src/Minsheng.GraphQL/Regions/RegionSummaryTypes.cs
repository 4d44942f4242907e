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

public sealed class RegionSummaryType : ObjectGraphType<RegionSelection>
{
    public RegionSummaryType()
    {
        Name = "RegionSummary";
        Description = "A region's figures for a year, for its analysts and dashboards: totals only, no government's rows. Each part is read when asked for.";
        this.ReachedThroughCheckedField();
        Field(s => s.RegionCode);
        Field(s => s.Name, nullable: true);
        Field(s => s.Year);
        Field<NonNullGraphType<RegionCountsType>>("total").Description("The region's own government and every one below it.")
            .ResolveAsync(async c => (await Summary(c)).Total);
        Field<RegionCountsType>("own").Description("The region's own government (a city's own plan), if it is on the platform.")
            .ResolveAsync(async c => (await Summary(c)).Own);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionPartType>>>>("children")
            .Description("Each child region (a province's cities, a city's counties) with everything below it: the drill-down.")
            .ResolveAsync(async c => (await Summary(c)).Children);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaskRollUpType>>>>("tasks")
            // Bounded lists, priced by what they hold: a catalog has about ten tasks of a few targets each.
            .WithComplexityImpact(1, 12)
            .Description("The year's tasks of the catalogs the region's governments use (e.g. the province's 省定 list), each rolled up over the region.")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<RegionFigures>().TasksAsync(c.Source.RegionCode, c.Source.Year, c.CancellationToken)));
    }

    private static Task<RegionSummary> Summary(IResolveFieldContext<RegionSelection> c) =>
        c.Guard(() => c.Service<RegionFigures>().SummaryAsync(c.Source.RegionCode, c.Source.Year, c.CancellationToken));
}

public sealed class FigureType : ObjectGraphType<Figure>
{
    public FigureType()
    {
        Name = "Figure";
        Description = "A target figure in the catalog's unit: planned, and done as the unit heads' signed-off reports say.";
        this.ReachedThroughCheckedField();
        Field(f => f.Planned);
        Field(f => f.Actual);
        Field<DecimalGraphType>("completionPercent").Description("Actual against planned, in percent (one decimal); null when nothing was planned.")
            .Resolve(c => c.Source.CompletionPercent);
    }
}

public sealed class RegionFigureType : ObjectGraphType<RegionFigure>
{
    public RegionFigureType()
    {
        Name = "RegionFigure";
        this.ReachedThroughCheckedField();
        Field(f => f.RegionCode);
        Field(f => f.Name, nullable: true);
        Field<NonNullGraphType<FigureType>>("figure").Resolve(c => c.Source.Figure);
        Field<NonNullGraphType<EnumerationGraphType<FigureBasis>>>("basis")
            .Description("OWN: the region's own government's figure, which stands for the whole region; CHILDREN: the sum of its child regions'.")
            .Resolve(c => c.Source.Basis);
    }
}

public sealed class FigureDisagreementType : ObjectGraphType<FigureDisagreement>
{
    public FigureDisagreementType()
    {
        Name = "FigureDisagreement";
        Description = "A region whose own government's figure is not the sum of its child regions' (the own figure is the one counted).";
        this.ReachedThroughCheckedField();
        Field(d => d.RegionCode);
        Field(d => d.Name, nullable: true);
        Field<NonNullGraphType<FigureType>>("own").Resolve(c => c.Source.Own);
        Field<NonNullGraphType<FigureType>>("children").Resolve(c => c.Source.Children);
    }
}

public sealed class TargetRollUpType : ObjectGraphType<TargetRollUp>
{
    public TargetRollUpType()
    {
        Name = "TargetRollUp";
        this.ReachedThroughCheckedField();
        Field(t => t.AggregationKey);
        Field(t => t.Label, nullable: true).Description("The catalog target's label (null if no enabled catalog names the key).");
        Field(t => t.Unit, nullable: true).Description("The catalog's unit, which every figure here is in.");
        Field<RegionFigureType>("figure").Description("The region's figure, counted once (null when no government below counts a target under this key).")
            .Resolve(c => c.Source.Figure);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionFigureType>>>>("children")
            .WithComplexityImpact(1, 20).Description("Each child region's figure: the drill-down.")
            .Resolve(c => c.Source.Children);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureDisagreementType>>>>("disagreements")
            .WithComplexityImpact(1, 5)
            .Description("Regions (this one or below) whose own figure differs from the sum of their child regions'.").Resolve(c => c.Source.Disagreements);
    }
}

public sealed class LightCountsType : ObjectGraphType<LightCounts>
{
    public LightCountsType()
    {
        Name = "LightCounts";
        Description = "Projects by light, as the daily round last recorded it.";
        this.ReachedThroughCheckedField();
        Field(l => l.Green);
        Field(l => l.Yellow);
        Field(l => l.Red);
        Field(l => l.Unrecorded).Description("No light recorded yet.");
    }
}

public sealed class LaggingGovernmentType : ObjectGraphType<LaggingGovernment>
{
    public LaggingGovernmentType()
    {
        Name = "LaggingGovernment";
        this.ReachedThroughCheckedField();
        Field(g => g.RegionCode);
        Field(g => g.Name);
        Field(g => g.RedProjects).Description("Its projects of the task last recorded red.");
        Field(g => g.LaggingProjects).Description("Its projects of the task last recorded as lagging.");
    }
}

public sealed class TaskRollUpType : ObjectGraphType<TaskRollUp>
{
    public TaskRollUpType()
    {
        Name = "TaskRollUp";
        Description = "A higher level's task over a region: the governments' confirmed targets rolled up by aggregation key, without double counting.";
        this.ReachedThroughCheckedField();
        Field(t => t.TaskKey);
        Field(t => t.Name, nullable: true);
        Field(t => t.Governments).Description("Governments with projects counted under the task.");
        Field(t => t.Projects).Description("Projects counted under the task, at every level.");
        Field<NonNullGraphType<LightCountsType>>("lights").Resolve(c => c.Source.Lights);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetRollUpType>>>>("targets")
            .WithComplexityImpact(1, 4).Resolve(c => c.Source.Targets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LaggingGovernmentType>>>>("lagging")
            .WithComplexityImpact(1, 20)
            .Description("Governments with red or lagging projects of the task, worst first.").Resolve(c => c.Source.Lagging);
    }
}
