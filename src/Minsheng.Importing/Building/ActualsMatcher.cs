using Minsheng.Domain.Values;
using Minsheng.Importing.Extraction;

namespace Minsheng.Importing.Building;

/// <summary>
/// Matches the figures of a 完成情况 text to a project's targets (same unit family, most shared wording, each figure
/// used once) and computes the completion ratio. Ratio statements such as 完成年度目标任务的187.5% are not actuals;
/// when no figure is given for a target, a stated ratio becomes its completion ratio.
/// </summary>
internal static class ActualsMatcher
{
    /// <summary>Units that count discrete things (schools, parks, stations), as opposed to people, money or measures.</summary>
    private static readonly HashSet<string> CountsOfThings =
    [
        "个", "项", "所", "座", "家", "处", "条", "台", "辆", "套", "间", "栋", "幢", "块", "盏", "张", "床", "件", "场", "场次", "批", "批次",
        "期", "支", "班", "口", "眼", "根", "株", "棵",
    ];

    /// <summary>Measure words that count anything: 4个项目已全部竣工 reports on 4所学校.</summary>
    private static readonly HashSet<string> GeneralCounters = ["个", "项"];

    public static void Apply(ProjectDraft project, string completionText, string? location, IssueLog issues)
    {
        completionText = TextCleaner.NormalizeCharacters(completionText);
        var parsed = QuantityParser.Parse(completionText);
        var ratios = parsed.Where(f => IsRatioStatement(completionText, f)).ToList();
        var figures = parsed.Where(f => !IsRatioStatement(completionText, f)).ToList();
        var targets = project.Targets;
        var chosen = new int?[targets.Count];
        var used = new HashSet<int>();

        // Every (target, figure) pair of one unit family, best wording first; equal wording keeps text order, so
        // "分别完成4个、6个" goes to the targets in the order they were set. Assigning pair by pair rather than target
        // by target stops an early target from taking the figure a later one matches better.
        var pairs = new List<(int Target, int Figure, int Score)>();
        for (var t = 0; t < targets.Count; t++)
        {
            for (var f = 0; f < figures.Count; f++)
            {
                if (TargetLinker.Convert(figures[f].Value, figures[f].Unit, targets[t].Unit) is null) continue;
                pairs.Add((t, f, TargetLinker.SharedBigrams(figures[f].Label, targets[t].Label)));
            }
        }
        foreach (var (t, f, _) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Target).ThenBy(p => p.Figure))
        {
            if (chosen[t] is not null || used.Contains(f)) continue;
            chosen[t] = f;
            used.Add(f);
        }

        // 4个项目已全部竣工 for 4所学校: a general counter reports on a count of things when that is the only reading,
        // one such figure left and one such target without an actual. People, money and measures are never matched so.
        var openThings = Enumerable.Range(0, targets.Count).Where(t => chosen[t] is null && CountsOfThings.Contains(targets[t].Unit)).ToList();
        var spareCounts = Enumerable.Range(0, figures.Count).Where(f => !used.Contains(f) && GeneralCounters.Contains(figures[f].Unit)).ToList();
        if (openThings.Count == 1 && spareCounts.Count == 1)
        {
            chosen[openThings[0]] = spareCounts[0];
            used.Add(spareCounts[0]);
        }

        for (var t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            if (chosen[t] is not { } f) continue;
            var figure = figures[f];
            var actual = TargetLinker.Convert(figure.Value, figure.Unit, target.Unit) ?? figure.Value;
            target.Actual = actual;
            target.ActualPhrase = figure.Label;
            target.CompletionRatio = Ratio(target.Comparator, target.Value, actual);
        }

        RecordStatedRatio(completionText, targets, chosen, ratios, figures, used);

        foreach (var target in targets.Where(t => t.Actual is null && t.CompletionRatio is null))
            issues.Warn("disclosure.actual-unmatched", $"No year-end figure in {target.Unit} was found for target '{target.Label}'.", location);
    }

    /// <summary>
    /// 超额完成，完成年度目标任务的187.5%: with no figure for a target, the stated ratio is what the disclosure says
    /// about it. Only when it is unambiguous: one target left without an actual and one ratio that does not follow a
    /// figure already matched (完成培训1.5万人次，完成目标的125% speaks of the 1.5万人次). The actual stays unknown.
    /// </summary>
    private static void RecordStatedRatio(string text, List<TargetDraft> targets, int?[] chosen, List<ParsedTarget> ratios, List<ParsedTarget> figures, HashSet<int> used)
    {
        var open = Enumerable.Range(0, targets.Count).Where(t => chosen[t] is null).ToList();
        if (open.Count != 1 || targets[open[0]].Unit == "%") return;
        var free = ratios.Where(r => !used.Any(f => FollowsInOneSentence(text, figures[f], r))).ToList();
        if (free.Count != 1) return;
        targets[open[0]].CompletionRatio = Math.Round(free[0].Value / 100m, 4);
        targets[open[0]].ActualPhrase = free[0].Label;
    }

    /// <summary>True when the ratio follows the figure in one sentence: the ratio then speaks of that figure.</summary>
    private static bool FollowsInOneSentence(string text, ParsedTarget figure, ParsedTarget ratio) =>
        figure.Start < ratio.Start && text.IndexOfAny(['。', '；', ';'], figure.Start, ratio.Start - figure.Start) < 0;

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
        // The clause, not a fixed window: 完成年度民生实事目标任务的187.5% puts 任务的 far from the figure.
        var clause = before[(before.LastIndexOfAny(['，', ',', '。', '；', ';']) + 1)..];
        return clause.Contains("任务的") || clause.Contains("目标的") || clause.Contains("计划的")
            || window.Contains("完成率") || window.EndsWith("完成", StringComparison.Ordinal);
    }
}
