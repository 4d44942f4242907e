namespace Minsheng.Importing.Extraction;

/// <summary>
/// Decides which target a figure elsewhere in the project (a milestone's cumulative figure, a disclosure's actual)
/// refers to: same unit family, then the most shared wording, then equal values.
/// </summary>
internal static class TargetLinker
{
    /// <summary>Units that count the same thing under two names, and money scales.</summary>
    private static readonly Dictionary<string, (string Family, decimal Factor)> Families = new()
    {
        ["人"] = ("人", 1), ["名"] = ("人", 1),
        ["公里"] = ("km", 1), ["千米"] = ("km", 1),
        ["元"] = ("money", 1), ["万元"] = ("money", 10_000), ["亿元"] = ("money", 100_000_000),
        ["平方米"] = ("m2", 1), ["平米"] = ("m2", 1),
        ["场次"] = ("场", 1), ["场"] = ("场", 1),
        ["批次"] = ("批", 1), ["批"] = ("批", 1),
    };

    /// <summary><paramref name="value"/> in <paramref name="fromUnit"/> expressed in <paramref name="toUnit"/>, or null when they measure different things.</summary>
    public static decimal? Convert(decimal value, string fromUnit, string toUnit)
    {
        if (fromUnit == toUnit) return value;
        if (Measure(fromUnit) is not { } from || Measure(toUnit) is not { } to || from.Family != to.Family) return null;
        return value * from.Factor / to.Factor;
    }

    /// <summary>
    /// A unit's family and factor: from the table, else a 万 or 亿 in front of any unit (万人次 is 10⁴ 人次, 万亩 10⁴ 亩),
    /// else the unit on its own (户 is its own family).
    /// </summary>
    private static (string Family, decimal Factor)? Measure(string unit)
    {
        if (unit.Length == 0) return null;
        if (Families.TryGetValue(unit, out var known)) return known;
        var scale = unit[0] switch { '万' => 10_000m, '亿' => 100_000_000m, _ => 0m };
        if (scale > 0 && unit.Length > 1 && Measure(unit[1..]) is { } rest) return (rest.Family, rest.Factor * scale);
        return (unit, 1m);
    }

    /// <summary>
    /// The index of the best target for a figure, or null. <paramref name="mustNotExceed"/> is for cumulative figures,
    /// which cannot be above the year's target. <paramref name="hintValues"/> are figures of the heading the figure sits under.
    /// </summary>
    public static int? Best(ParsedTarget figure, IReadOnlyList<TargetDraft> targets, bool mustNotExceed,
        IReadOnlyList<ParsedTarget>? hints = null, ISet<int>? taken = null)
    {
        int? best = null;
        var bestScore = -1;
        var candidates = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            if (taken?.Contains(i) == true) continue;
            var target = targets[i];
            if (Convert(figure.Value, figure.Unit, target.Unit) is not { } value) continue;
            if (mustNotExceed && target.Comparator != Minsheng.Domain.Values.Comparator.AtMost && value > target.Value) continue;
            candidates++;
            var score = SharedBigrams(figure.Label, target.Label) * 2;
            if (hints?.Any(h => Convert(h.Value, h.Unit, target.Unit) == target.Value) == true) score += 10;
            if (value == target.Value) score += 1;
            if (score > bestScore) { bestScore = score; best = i; }
        }
        return candidates == 1 || bestScore >= 2 ? best : null;
    }

    /// <summary>How many two-character Chinese words the texts share, ignoring digits and punctuation.</summary>
    public static int SharedBigrams(string a, string b)
    {
        var set = Bigrams(a);
        set.IntersectWith(Bigrams(b));
        return set.Count;
    }

    private static HashSet<string> Bigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (Building.TextCleaner.IsIdeograph(text[i]) && Building.TextCleaner.IsIdeograph(text[i + 1]) && !Common.Contains(text.Substring(i, 2)))
                set.Add(text.Substring(i, 2));
        }
        return set;
    }

    /// <summary>Words in nearly every target; sharing them says nothing.</summary>
    private static readonly HashSet<string> Common = ["完成", "全年", "年度", "实现", "开展", "任务", "目标", "新增", "全县", "全区", "计划"];
}
