using System.Text.RegularExpressions;
using Minsheng.Domain.Values;
using Minsheng.Importing.Building;

namespace Minsheng.Importing.Extraction;

/// <summary>
/// Reads the 完成时限 cell and dated sentences of the content into a deadline and milestones:
/// "2022年12月" is a plain deadline; "3月底，完成筛查1140人；6月底，…" are milestones whose figures are linked to
/// the targets they advance. A line with several figures ("3月底，完成培训100人，发放贷款200万元") becomes one
/// milestone per linked figure, because a milestone advances one target.
/// </summary>
internal static partial class MilestoneExtractor
{
    public sealed record Outcome(Deadline? Deadline, List<MilestoneDraft> Milestones, List<ParsedTarget> ExtraTargets, bool Unrecognized, bool NeedsYear);

    public static Outcome FromDeadlineCell(string? cellText, int? planYear, IReadOnlyList<TargetDraft> targets)
    {
        var milestones = new List<MilestoneDraft>();
        var extraTargets = new List<ParsedTarget>();
        if (string.IsNullOrWhiteSpace(cellText)) return new(null, milestones, extraTargets, false, false);

        var segments = TextCleaner.Paragraphs(cellText).Split('\n')
            .SelectMany(l => SegmentBreak().Split(l)).SelectMany(SplitAtDates).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        Deadline? plain = null;
        var needsYear = false;
        var sawDate = false;
        string? section = null;
        IReadOnlyList<ParsedTarget> sectionFigures = [];
        foreach (var segment in segments)
        {
            var body = LeadingNumber().Replace(segment, "");
            if (SectionHeading().IsMatch(segment) && ChineseDates.AtStart(body) is null)
            {
                section = segment;
                sectionFigures = QuantityParser.Parse(segment);
                extraTargets.AddRange(sectionFigures);
                continue;
            }
            var mention = ChineseDates.AtStart(body) ?? ChineseDates.FindAll(body).Cast<DateMention?>().FirstOrDefault();
            if (mention is not { } date)
            {
                extraTargets.AddRange(QuantityParser.Parse(segment));
                continue;
            }
            sawDate = true;
            var due = date.ToDeadline(planYear);
            if (due is null) { needsYear = true; continue; }
            var rest = body[(date.Start + date.Length)..].TrimStart('，', ',', '：', ':', '、', ' ', '前');
            if (segments.Count == 1 && date.Start == 0 && rest.Length == 0) { plain = due; continue; }
            milestones.AddRange(Build(due.Value, segment, body[..(date.Start + date.Length)], date.Start == 0 ? rest : body, section, sectionFigures, targets));
        }
        var deadline = plain ?? milestones.MaxBy(m => m.Due.Date)?.Due;
        return new(deadline, milestones, extraTargets, !sawDate && plain is null, needsYear);
    }

    /// <summary>Dated sentences in the content: "确保12月底实现无主楼院物业管理全覆盖", "年底前实现620个村卫生室…".</summary>
    public static (List<MilestoneDraft> Milestones, bool NeedsYear) FromContent(string? content, int? planYear, IReadOnlyList<TargetDraft> targets)
    {
        var milestones = new List<MilestoneDraft>();
        var needsYear = false;
        if (string.IsNullOrWhiteSpace(content)) return (milestones, false);
        foreach (var sentence in SentenceBreak().Split(content).SelectMany(SplitAtDates).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            if (ChineseDates.FindAll(sentence).FirstOrDefault() is not { Length: > 0 } date) continue;
            if (date.ToDeadline(planYear) is not { } due) { needsYear = true; continue; }
            // Only figures after the date are due by it: "新增5家，力争2024年底前全县达到50家".
            var single = Build(due, sentence, "", sentence[date.Start..], null, [], targets).ToList();
            milestones.Add(single.Count == 1 ? single[0] : new MilestoneDraft { Due = due, Text = sentence });
        }
        return (milestones, needsYear);
    }

    private static readonly char[] ClauseMarks = ['，', ',', '、', '；', ';', '。'];

    /// <summary>
    /// "5月底前动工，12月底前完工": two dates in two clauses are two steps. Read as one, the text would be dated by
    /// its first date and the project's deadline would come out as 5月底. Dates in one clause (3月至5月) stay together.
    /// </summary>
    private static IEnumerable<string> SplitAtDates(string text)
    {
        var dates = ChineseDates.FindAll(text).ToList();
        if (dates.Count < 2)
        {
            yield return text;
            yield break;
        }
        var start = 0;
        for (var i = 1; i < dates.Count; i++)
        {
            var previousEnd = dates[i - 1].Start + dates[i - 1].Length;
            var gap = dates[i].Start - previousEnd;
            var cut = gap > 0 ? text.LastIndexOfAny(ClauseMarks, dates[i].Start - 1, gap) : -1;
            if (cut < previousEnd) continue;
            yield return text[start..cut];
            start = cut + 1;
        }
        yield return text[start..];
    }

    private static IEnumerable<MilestoneDraft> Build(Deadline due, string text, string datePrefix, string body, string? section,
        IReadOnlyList<ParsedTarget> sectionFigures, IReadOnlyList<TargetDraft> targets)
    {
        var links = new List<(ParsedTarget Figure, int Target, decimal Value)>();
        foreach (var figure in QuantityParser.Parse(body))
        {
            if (TargetLinker.Best(figure, targets, mustNotExceed: true, sectionFigures) is not { } index) continue;
            if (links.Any(l => l.Target == index)) continue;
            links.Add((figure, index, TargetLinker.Convert(figure.Value, figure.Unit, targets[index].Unit) ?? figure.Value));
        }
        if (links.Count <= 1)
        {
            yield return new MilestoneDraft
            {
                Due = due, Text = text, Section = section,
                TargetIndex = links.Count == 1 ? links[0].Target : null,
                CumulativeValue = links.Count == 1 ? links[0].Value : null,
            };
            yield break;
        }
        foreach (var link in links)
        {
            var prefix = datePrefix.Length > 0 ? datePrefix + "，" : "";
            yield return new MilestoneDraft { Due = due, Text = prefix + link.Figure.Label, Section = section, TargetIndex = link.Target, CumulativeValue = link.Value };
        }
    }

    [GeneratedRegex(@"(?<=[；;])")]
    private static partial Regex SegmentBreak();

    [GeneratedRegex(@"(?<=[。；;])|\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\s*(?:\d{1,2}[、.．]|[(（]\d{1,2}[)）])\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])")]
    private static partial Regex SectionHeading();
}
