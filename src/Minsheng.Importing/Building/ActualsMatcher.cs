using Minsheng.Domain.Values;
using Minsheng.Importing.Extraction;

namespace Minsheng.Importing.Building;

/// <summary>
/// Matches the figures of a 完成情况 text to a project's targets (same unit family, most shared wording, each figure
/// used once) and computes the completion ratio. Ratio statements such as 完成年度目标任务的187.5% are not actuals.
/// </summary>
internal static class ActualsMatcher
{
    public static void Apply(ProjectDraft project, string completionText, string? location, IssueLog issues)
    {
        completionText = TextCleaner.NormalizeCharacters(completionText);
        var figures = QuantityParser.Parse(completionText).Where(f => !IsRatioStatement(completionText, f)).ToList();
        var used = new HashSet<int>();
        for (var t = 0; t < project.Targets.Count; t++)
        {
            var target = project.Targets[t];
            int? best = null;
            var bestScore = -1;
            for (var f = 0; f < figures.Count; f++)
            {
                if (used.Contains(f) || TargetLinker.Convert(figures[f].Value, figures[f].Unit, target.Unit) is null) continue;
                var score = TargetLinker.SharedBigrams(figures[f].Label, target.Label);
                if (score > bestScore) { bestScore = score; best = f; }
            }
            if (best is not { } chosen)
            {
                issues.Warn("disclosure.actual-unmatched", $"No year-end figure in {target.Unit} was found for target '{target.Label}'.", location);
                continue;
            }
            used.Add(chosen);
            var actual = TargetLinker.Convert(figures[chosen].Value, figures[chosen].Unit, target.Unit)!.Value;
            target.Actual = actual;
            target.ActualPhrase = figures[chosen].Label;
            target.CompletionRatio = Ratio(target.Comparator, target.Value, actual);
        }
    }

    /// <summary>Same rule as the domain's Indicator.CompletionRatio: for at-most targets, how far under the ceiling.</summary>
    public static decimal? Ratio(Comparator comparator, decimal target, decimal actual)
    {
        decimal? ratio = comparator == Comparator.AtMost
            ? actual <= target ? 1m : actual == 0 ? null : target / actual
            : target == 0 ? null : actual / target;
        return ratio is { } r ? Math.Round(r, 4) : null;
    }

    private static bool IsRatioStatement(string text, ParsedTarget figure)
    {
        if (figure.Unit != "%") return false;
        var before = text[..figure.Start];
        var window = before.Length > 12 ? before[^12..] : before;
        return window.Contains("任务的") || window.Contains("目标的") || window.Contains("计划的") || window.Contains("完成率") || window.EndsWith("完成", StringComparison.Ordinal);
    }
}
