using Minsheng.Domain.Regions;

namespace Minsheng.Application.Regions;

/// <summary>A target figure: what was planned and what the signed-off reports say was done, in the catalog's unit.</summary>
public sealed record Figure(decimal Planned, decimal Actual)
{
    public Figure Plus(Figure other) => new(Planned + other.Planned, Actual + other.Actual);

    /// <summary>Actual against planned, in percent to one decimal; null when nothing was planned.</summary>
    public decimal? CompletionPercent => Planned == 0 ? null : Math.Round(Actual / Planned * 100, 1);
}

/// <summary>Where a region's figure comes from.</summary>
public enum FigureBasis
{
    /// <summary>The region's own government set a figure for the whole region (a city's city-wide target).</summary>
    Own,
    /// <summary>The region's own government has none: the sum of its child regions'.</summary>
    Children,
}

public sealed record RegionFigure(string RegionCode, string? Name, Figure Figure, FigureBasis Basis);

/// <summary>A region whose own government's figure is not the sum of its child regions' figures.</summary>
public sealed record FigureDisagreement(string RegionCode, string? Name, Figure Own, Figure Children);

/// <summary>One aggregation key over a region: its figure, each child region's, and where levels disagree.</summary>
public sealed record TargetRollUp(string AggregationKey, string? Label, string? Unit, RegionFigure? Figure, IReadOnlyList<RegionFigure> Children,
    IReadOnlyList<FigureDisagreement> Disagreements);

/// <summary>How many of the projects counted under a task show each light, as the daily round last recorded it.</summary>
public sealed record LightCounts(int Green, int Yellow, int Red, int Unrecorded);

/// <summary>A government with projects of a task that are red or lagging as last recorded.</summary>
public sealed record LaggingGovernment(string RegionCode, string Name, int RedProjects, int LaggingProjects);

/// <summary>A catalog task over a region: its targets rolled up, its projects' lights, and the governments lagging on it.</summary>
public sealed record TaskRollUp(string TaskKey, string? Name, int Governments, int Projects, LightCounts Lights,
    IReadOnlyList<TargetRollUp> Targets, IReadOnlyList<LaggingGovernment> Lagging);

/// <summary>
/// The rule that keeps a region's figure from counting twice: a government's own figure for a key stands for its whole
/// region (a city's target for a provincial task is the city-wide figure), so a region's figure is its own government's
/// where it has one, else the sum of its child regions' figures, worked out the same way. Wherever both exist and differ,
/// the difference is reported rather than resolved.
/// </summary>
public static class RegionRollUp
{
    /// <param name="region">The region rolled up.</param>
    /// <param name="byGovernment">Each government's own figure for the key, by its region code (all within <paramref name="region"/>).</param>
    /// <param name="names">Region names, where known.</param>
    public static (RegionFigure? Figure, IReadOnlyList<RegionFigure> Children, IReadOnlyList<FigureDisagreement> Disagreements) Of(
        string region, IReadOnlyDictionary<string, Figure> byGovernment, IReadOnlyDictionary<string, string> names)
    {
        // Each region's child regions that have a government with a figure at or below them, worked out once.
        var childrenOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var government in byGovernment.Keys)
        {
            if (government != region && !Region.IsWithin(government, region)) continue;
            for (var (below, above) = (government, ParentWithin(government, region)); above is not null; (below, above) = (above, ParentWithin(above, region)))
            {
                if (!childrenOf.TryGetValue(above, out var children)) childrenOf[above] = children = new SortedSet<string>(StringComparer.Ordinal);
                children.Add(below);
            }
        }
        var disagreements = new List<FigureDisagreement>();
        var figures = new Dictionary<string, RegionFigure>(StringComparer.Ordinal);
        RegionFigure? Node(string code)
        {
            var children = childrenOf.TryGetValue(code, out var set) ? set.Select(Node).OfType<RegionFigure>().ToList() : [];
            Figure? sum = children.Count == 0 ? null : children.Select(c => c.Figure).Aggregate((x, y) => x.Plus(y));
            var name = names.GetValueOrDefault(code);
            RegionFigure? figure = null;
            if (byGovernment.TryGetValue(code, out var own))
            {
                if (sum is not null && sum != own) disagreements.Add(new FigureDisagreement(code, name, own, sum));
                figure = new RegionFigure(code, name, own, FigureBasis.Own);
            }
            // A region below the top is here only because a government at or below it has a figure: it has one of the two.
            else if (sum is not null) figure = new RegionFigure(code, name, sum, FigureBasis.Children);
            if (figure is not null) figures[code] = figure;
            return figure;
        }
        var top = Node(region);
        var direct = childrenOf.TryGetValue(region, out var first) ? first.Select(c => figures[c]).ToList() : [];
        return (top, direct, disagreements.OrderBy(d => d.RegionCode, StringComparer.Ordinal).ToList());
    }

    /// <summary>The region directly above <paramref name="code"/> on the way up to <paramref name="top"/>; null at the top.</summary>
    private static string? ParentWithin(string code, string top) =>
        code == top ? null
        : top == Region.Country ? Region.LevelOf(code) switch
        {
            RegionLevel.County => code[..4] + "00",
            RegionLevel.City => code[..2] + "0000",
            _ => top,
        }
        : Region.LevelOf(code) == RegionLevel.County && Region.LevelOf(top) == RegionLevel.Province ? ChildOf(top, code) is var city && city != code ? city : top
        : top;

    /// <summary>The child of <paramref name="region"/> a region below it belongs to: the country's province, a province's city, a city's county.</summary>
    public static string ChildOf(string region, string below) =>
        region == Region.Country ? below[..2] + "0000"
        : Region.LevelOf(region) == RegionLevel.Province && Region.LevelOf(below) == RegionLevel.County ? below[..4] + "00" : below;
}
