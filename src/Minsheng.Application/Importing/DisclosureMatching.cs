using Minsheng.Domain.Plans;
using Minsheng.Importing;

namespace Minsheng.Application.Importing;

/// <summary>
/// Finds the plan's project and target a disclosure paragraph reports on. Names in a disclosure are
/// reworded ("开展职业技能培训" for "职业技能培训（市定）"), so matching compares characters, not strings.
/// </summary>
internal static class DisclosureMatching
{
    public static Project? FindProject(ProjectDraft disclosed, IReadOnlyList<Project> projects)
    {
        var name = Normalize(disclosed.Name);
        var exact = projects.FirstOrDefault(p => Normalize(p.Name) == name);
        if (exact is not null) return exact;
        var best = projects
            .Select(p => (Project: p, Score: Similarity(name, Normalize(p.Name))))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        // At least half of the shorter name's characters in common, or it is a different project.
        return best.Score >= 0.5 ? best.Project : null;
    }

    public static Indicator? FindIndicator(TargetDraft target, IEnumerable<Indicator> candidates) => candidates
        .Where(i => i.Unit == target.Unit)
        .Select(i => (Indicator: i, Score: Similarity(Normalize(target.Label), Normalize(i.Label))))
        .OrderByDescending(x => x.Score)
        .Select(x => x.Indicator)
        .FirstOrDefault();

    /// <summary>Share of the shorter text's distinct characters found in the other.</summary>
    private static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var chars = shorter.Distinct().ToList();
        return (double)chars.Count(longer.Contains) / chars.Count;
    }

    /// <summary>Without category tags, spaces and punctuation: （省定）职业技能培训。 → 职业技能培训.</summary>
    private static string Normalize(string text)
    {
        var withoutTags = System.Text.RegularExpressions.Regex.Replace(text, "[（(][^）)]*[）)]", "");
        return string.Concat(withoutTags.Where(char.IsLetterOrDigit));
    }
}
