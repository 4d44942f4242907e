using System.Text;
using System.Text.RegularExpressions;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Reads a year-end 完成情况 disclosure written as paragraphs:
/// <code>
/// 一、省定民生实事
/// 1.开展职业技能培训。全年开展职业技能培训1.3万人次…
/// 责任单位：县人社局
/// 完成情况：全年开展职业技能培训1.52万人次，完成年度目标任务的116.9%…
/// </code>
/// Each numbered paragraph is a project whose targets come from its text; the actuals in its 完成情况 line are
/// matched to those targets.
/// </summary>
internal static partial class CompletionDisclosureReader
{
    /// <summary>True when the paragraphs look like a disclosure: 完成情况 lines next to numbered paragraphs.</summary>
    public static bool Recognises(IReadOnlyList<SourceParagraph> paragraphs) =>
        paragraphs.Count(p => CompletionLine().IsMatch(p.Text)) >= 1 && paragraphs.Any(p => Numbered().IsMatch(p.Text));

    private sealed class Pending(ProjectDraft project, string location)
    {
        public ProjectDraft Project { get; } = project;
        public string Location { get; } = location;
        public StringBuilder Content { get; } = new();
        public StringBuilder? Completion { get; set; }
        public bool HasUnitLine { get; set; }
        /// <summary>The last 责任单位 line while it may still continue on the next line: its kind, its text and the units it gave.</summary>
        public (string Kind, string Text, List<string> Units)? OpenUnitLine { get; set; }
    }

    public static List<ProjectDraft> Read(IReadOnlyList<SourceParagraph> paragraphs, IUnitDirectory? units, IssueLog issues)
    {
        var pending = new List<Pending>();
        string? section = null;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Text.Trim();
            Pending? current = pending.Count > 0 ? pending[^1] : null;
            if (SectionHeading().IsMatch(text) && text.Length <= 40 && !CompletionLine().IsMatch(text))
            {
                section = text;
                continue;
            }
            if (Numbered().Match(text) is { Success: true } numbered)
            {
                var body = numbered.Groups["body"].Value.Trim();
                var project = new ProjectDraft
                {
                    Sequence = numbered.Groups["n"].Value,
                    Name = NameOf(body),
                    Section = section,
                    CategoryTag = section is not null && Tag().Match(section) is { Success: true } tag ? tag.Value : null,
                    SourceLocation = paragraph.Location,
                };
                var next = new Pending(project, paragraph.Location);
                next.Content.Append(body);
                pending.Add(next);
                continue;
            }
            if (current is null) continue; // preface before the first numbered paragraph
            if (UnitLine().Match(text) is { Success: true } unitLine)
            {
                current.HasUnitLine = true;
                var kind = unitLine.Groups["kind"].Value;
                var list = UnitListParser.Parse(unitLine.Groups["units"].Value, units);
                UnitsOf(current.Project, kind).AddRange(list);
                current.OpenUnitLine = (kind, unitLine.Groups["units"].Value, list);
                continue;
            }
            // 责任单位：县住房和城乡 / 建设局: the unit line wrapped. Read both lines as one cell, which joins the name.
            if (current.OpenUnitLine is { } open && IsUnitLineTail(open.Text, text))
            {
                var all = UnitsOf(current.Project, open.Kind);
                foreach (var unit in open.Units) all.Remove(unit);
                var list = UnitListParser.Parse(open.Text + "\n" + text, units);
                all.AddRange(list);
                current.OpenUnitLine = (open.Kind, open.Text + "\n" + text, list);
                continue;
            }
            current.OpenUnitLine = null;
            if (CompletionLine().Match(text) is { Success: true } completion)
            {
                current.Completion = new StringBuilder(completion.Groups["text"].Value.Trim());
                continue;
            }
            if (current.Completion is not null) current.Completion.Append(text);
            else current.Content.Append(text);
        }

        foreach (var item in pending)
        {
            var project = item.Project;
            project.Content = item.Content.ToString();
            foreach (var figure in QuantityParser.Parse(project.Content))
            {
                if (figure.Unit == "%" && figure.Value > 100 && figure.Comparator != Minsheng.Domain.Values.Comparator.AtLeast) continue;
                project.Targets.Add(new TargetDraft
                {
                    Label = figure.Label, Comparator = figure.Comparator, Value = figure.Value, Unit = figure.Unit, SourcePhrase = figure.SourcePhrase,
                });
            }
            if (!item.HasUnitLine)
                issues.Warn("disclosure.unit-line-missing", $"Item {project.Sequence} '{project.Name}' has no 责任单位 line.", item.Location);
            if (item.Completion is null)
            {
                issues.Warn("disclosure.no-completion", $"Item {project.Sequence} '{project.Name}' has no 完成情况 line.", item.Location);
                continue;
            }
            project.CompletionText = item.Completion.ToString();
            if (project.Targets.Count == 0)
            {
                issues.Warn("disclosure.no-targets", $"Item {project.Sequence} '{project.Name}' states no quantified target to compare the actuals with.", item.Location);
                continue;
            }
            ActualsMatcher.Apply(project, project.CompletionText, item.Location, issues);
        }
        return pending.Select(p => p.Project).ToList();
    }

    private static List<string> UnitsOf(ProjectDraft project, string kind) =>
        kind is "配合单位" or "协办单位" ? project.CoUnits : project.LeadUnits;

    /// <summary>
    /// A short line without figures or sentence marks after a unit line whose last name is unfinished (ends in 城乡, 和,
    /// 人力资源和社会 …) is the rest of that name, not a paragraph of the item's content.
    /// </summary>
    private static bool IsUnitLineTail(string unitText, string line)
    {
        if (line.Length > 20 || line.Any(c => char.IsAsciiDigit(c) || c is '。' or '：' or ':')) return false;
        var trimmed = unitText.TrimEnd();
        if (trimmed.Length == 0) return false;
        var lastPiece = trimmed.Split('、', '，', ',', '；', ';', ' ', '\n')[^1];
        return lastPiece.Length > 0 && !UnitListParser.LooksComplete(lastPiece);
    }

    /// <summary>The item's name: its first sentence when short, else its first clause.</summary>
    private static string NameOf(string body)
    {
        var sentence = body.Split('。', '：', ':')[0].Trim();
        if (sentence.Length is > 0 and <= 40) return sentence;
        var clause = body.Split('，', ',', '；')[0].Trim();
        return clause.Length <= 60 ? clause : clause[..60];
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*(?:(?<n>\d{1,3})\s*[.、．]|[(（](?<n>\d{1,3})[)）])\s*(?<body>\S.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\s*(?<kind>责任单位|牵头单位|主办单位|责任部门|配合单位|协办单位)\s*[:：]\s*(?<units>.*)$")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"^\s*(?:完成情况|完成进度|进展情况|实际完成)\s*[:：]\s*(?<text>.*)$")]
    private static partial Regex CompletionLine();

    [GeneratedRegex(@"省定|市定|县定|区定")]
    private static partial Regex Tag();
}
