using System.Text.RegularExpressions;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.Henan;

/// <summary>
/// 省定/市定/本级 for a Henan plan. The name's tag decides the level when there is one (（省定） or （市定）, full-width or
/// not); a project is matched to the province's catalog for its year by the words of its name (a strong match) or only
/// of its content (weak: doubtful). Each of its targets is matched to a catalog target by unit and words, giving the
/// aggregation key a roll-up adds it under. Anything a person should look at — a tag with no catalog task, a match
/// on content alone, two tasks that fit equally, an untagged project that fits a provincial task — is marked doubtful
/// with the reason, never decided silently.
/// </summary>
public sealed partial class HenanClassifier(HenanTaskCatalog catalog) : IProjectClassifier
{
    [GeneratedRegex(@"[（(]\s*(省定|市定)\s*[）)]")]
    private static partial Regex Tag();

    public ProjectCategorization? Classify(ClassifiedProject project)
    {
        var tag = Tag().Match(project.Name) is { Success: true } m ? m.Groups[1].Value : null;
        var name = Tag().Replace(project.Name, "");
        var candidates = catalog.TasksFor(project.Year)
            .Select(task => (Task: task, InName: task.NameWords.Where(name.Contains).ToList(),
                InContent: task.ContentWords.Where(w => project.Content?.Contains(w) == true).ToList()))
            .Where(c => c.InName.Count > 0 || c.InContent.Count >= 2)
            .OrderByDescending(c => c.InName.Count).ThenByDescending(c => c.InContent.Count)
            .ToList();
        var best = candidates.FirstOrDefault();
        var tied = candidates.Count > 1 && candidates[1].InName.Count == best.InName.Count && candidates[1].InContent.Count == best.InContent.Count;
        var strong = best.Task is not null && best.InName.Count > 0 && !tied;

        if (tag == "市定")
            return new ProjectCategorization(ProjectLevel.Municipal, CategorizationBasis.Tag, null, ["（市定）"], false,
                "名称标注（市定）：市定民生实事。", []);

        if (best.Task is null)
            return tag == "省定"
                ? new ProjectCategorization(ProjectLevel.Provincial, CategorizationBasis.Tag, null, ["（省定）"], true,
                    $"名称标注（省定），但与{catalog.Issuer}{project.Year}年省定任务清单中的任何一项都不相符，请确认。", [])
                : new ProjectCategorization(ProjectLevel.Local, CategorizationBasis.None, null, [], false, "未标注省定、市定，也不属于省定任务清单：本级民生实事。", []);

        var words = (tag == "省定" ? new[] { "（省定）" } : []).Concat(best.InName).Concat(best.InContent).Distinct().ToList();
        var targets = MatchTargets(best.Task, project.Targets);
        var matchedBy = $"{(best.InName.Count > 0 ? $"名称含“{string.Join("”“", best.InName)}”" : "")}" +
            $"{(best.InName.Count > 0 && best.InContent.Count > 0 ? "，" : "")}{(best.InContent.Count > 0 ? $"内容含“{string.Join("”“", best.InContent)}”" : "")}";
        var (doubtful, explanation) = (tag, strong) switch
        {
            ("省定", true) => (false, $"名称标注（省定），{matchedBy}，对应省定任务“{best.Task.Name}”。"),
            ("省定", false) => (true, $"名称标注（省定），{matchedBy}，可能对应省定任务“{best.Task.Name}”{(tied ? $"或“{candidates[1].Task.Name}”" : "")}，请确认。"),
            (_, true) => (true, $"未标注（省定），但{matchedBy}，与省定任务“{best.Task.Name}”相符，请确认是否为省定任务。"),
            _ => (true, $"未标注（省定），{matchedBy}，可能与省定任务“{best.Task.Name}”有关，请确认。"),
        };
        return new ProjectCategorization(ProjectLevel.Provincial, tag == "省定" ? CategorizationBasis.Tag : CategorizationBasis.Catalog, best.Task,
            words, doubtful, explanation, targets);
    }

    /// <summary>Each target to the catalog target with its unit (or 万 of it) whose words its label shares most.</summary>
    private static List<TargetMatch> MatchTargets(CatalogTask task, IReadOnlyList<ClassifiedTarget> targets)
    {
        var matches = new List<TargetMatch>();
        for (var position = 0; position < targets.Count; position++)
        {
            var target = targets[position];
            var best = task.Targets
                .Select(t => (Target: t, Factor: Factor(target.Unit, t.Unit), Words: t.Words.Where(target.Label.Contains).ToList()))
                .Where(c => c.Factor is not null && c.Words.Count > 0)
                .OrderByDescending(c => c.Words.Count).ThenByDescending(c => c.Words.Sum(w => w.Length))
                .FirstOrDefault();
            if (best.Target is not null)
                matches.Add(new TargetMatch(position, best.Target.Key, best.Target.Unit, best.Factor!.Value, best.Words));
        }
        return matches;
    }

    /// <summary>How many catalog units one unit of the target is: 1 for the same unit, 10,000 for 万 of it; null otherwise.</summary>
    private static decimal? Factor(string? unit, string catalogUnit) => unit?.Trim() switch
    {
        { } u when u == catalogUnit => 1m,
        { } u when u == "万" + catalogUnit => 10_000m,
        _ => null,
    };
}
