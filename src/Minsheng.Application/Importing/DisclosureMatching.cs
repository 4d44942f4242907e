using Minsheng.Domain.Plans;
using Minsheng.Importing;

namespace Minsheng.Application.Importing;

/// <summary>
/// Finds the plan's project and target a disclosure paragraph reports on. Names in a disclosure are
/// reworded ("开展职业技能培训" for "职业技能培训（市定）"), so matching compares character pairs (bigrams),
/// and a fuzzy match must be both close enough and clearly better than the next candidate: a wrong match
/// would record a figure against the wrong target, which is worse than reporting none.
/// </summary>
internal static class DisclosureMatching
{
    private const double MinimumProjectScore = 0.5;
    private const double MinimumLead = 0.15;
    private const double MinimumTargetScore = 0.3;

    public sealed record ProjectMatch(Project Project, bool Exact);

    public static ProjectMatch? FindProject(ProjectDraft disclosed, IReadOnlyList<Project> projects)
    {
        var name = Normalize(disclosed.Name);
        var exact = projects.FirstOrDefault(p => Normalize(p.Name) == name);
        if (exact is not null) return new ProjectMatch(exact, true);
        var ranked = projects
            .Select(p => (Project: p, Score: Dice(name, Normalize(p.Name))))
            .OrderByDescending(x => x.Score)
            .Take(2)
            .ToList();
        if (ranked.Count == 0 || ranked[0].Score < MinimumProjectScore) return null;
        if (ranked.Count > 1 && ranked[0].Score - ranked[1].Score < MinimumLead) return null;
        return new ProjectMatch(ranked[0].Project, false);
    }

    /// <summary>
    /// A target of the same unit: the only one, or one whose label is close enough. Without one, a target whose unit
    /// names the same measure at the same scale (名 for 人, 千米 for 公里), because the figure can be recorded as it is.
    /// Money at another scale (万元 against 亿元) is not matched: the caller records the figure unconverted.
    /// </summary>
    public static Indicator? FindIndicator(TargetDraft target, IEnumerable<Indicator> candidates)
    {
        var all = candidates.ToList();
        var sameUnit = all.Where(i => i.Unit == target.Unit).ToList();
        if (sameUnit.Count == 0) sameUnit = all.Where(i => MeasureUnits.SameMeasure(target.Unit, i.Unit)).ToList();
        // The same measure at another scale (亿元 / 万元, 万人 / 人): the figure is converted when it is recorded.
        if (sameUnit.Count == 0) sameUnit = all.Where(i => MeasureUnits.Convert(1m, target.Unit, i.Unit) is not null).ToList();
        if (sameUnit.Count == 1) return sameUnit[0];
        var ranked = sameUnit
            .Select(i => (Indicator: i, Score: Dice(Normalize(target.Label), Normalize(i.Label))))
            .OrderByDescending(x => x.Score)
            .ToList();
        return ranked.Count > 0 && ranked[0].Score >= MinimumTargetScore ? ranked[0].Indicator : null;
    }

    /// <summary>Dice coefficient over character bigrams: 1 for the same text, 0 for nothing in common.</summary>
    internal static double Dice(string a, string b)
    {
        static List<string> Bigrams(string s) => s.Length < 2 ? [s] : Enumerable.Range(0, s.Length - 1).Select(i => s.Substring(i, 2)).ToList();
        if (a.Length == 0 || b.Length == 0) return 0;
        var left = Bigrams(a);
        var right = Bigrams(b);
        var common = 0;
        var pool = right.ToList();
        foreach (var bigram in left)
        {
            var at = pool.IndexOf(bigram);
            if (at < 0) continue;
            common++;
            pool.RemoveAt(at);
        }
        return 2.0 * common / (left.Count + right.Count);
    }

    /// <summary>Without category tags, spaces and punctuation: （省定）职业技能培训。 → 职业技能培训.</summary>
    private static string Normalize(string text)
    {
        var withoutTags = System.Text.RegularExpressions.Regex.Replace(text, "[（(][^）)]*[）)]", "");
        return string.Concat(withoutTags.Where(char.IsLetterOrDigit));
    }
}
