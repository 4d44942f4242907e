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
        var disagreements = new List<FigureDisagreement>();
        var children = ChildrenOf(region, byGovernment.Keys).Select(child => Node(child, byGovernment, names, disagreements)).ToList();
        var top = NodeFrom(region, byGovernment, names, children, disagreements);
        return (top, children, disagreements.OrderBy(d => d.RegionCode, StringComparer.Ordinal).ToList());
    }

    private static RegionFigure Node(string code, IReadOnlyDictionary<string, Figure> byGovernment, IReadOnlyDictionary<string, string> names,
        List<FigureDisagreement> disagreements)
    {
        var children = ChildrenOf(code, byGovernment.Keys).Select(child => Node(child, byGovernment, names, disagreements)).ToList();
        // A node exists only because a government at or below it has a figure, so it has one of the two.
        return NodeFrom(code, byGovernment, names, children, disagreements)!;
    }

    private static RegionFigure? NodeFrom(string code, IReadOnlyDictionary<string, Figure> byGovernment, IReadOnlyDictionary<string, string> names,
        IReadOnlyList<RegionFigure> children, List<FigureDisagreement> disagreements)
    {
        Figure? sum = children.Count == 0 ? null : children.Select(c => c.Figure).Aggregate((a, b) => a.Plus(b));
        var name = names.GetValueOrDefault(code);
        if (byGovernment.TryGetValue(code, out var own))
        {
            if (sum is not null && sum != own) disagreements.Add(new FigureDisagreement(code, name, own, sum));
            return new RegionFigure(code, name, own, FigureBasis.Own);
        }
        return sum is null ? null : new RegionFigure(code, name, sum, FigureBasis.Children);
    }

    /// <summary>The child regions of <paramref name="code"/> that have a government with a figure at or below them.</summary>
    private static IEnumerable<string> ChildrenOf(string code, IEnumerable<string> governments) =>
        governments.Where(g => g != code && Region.IsWithin(g, code)).Select(g => ChildOf(code, g)).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The child of <paramref name="region"/> a region below it belongs to: a province's city, a city's county.</summary>
    public static string ChildOf(string region, string below) =>
        Region.LevelOf(region) == RegionLevel.Province && Region.LevelOf(below) == RegionLevel.County ? below[..4] + "00" : below;
}
