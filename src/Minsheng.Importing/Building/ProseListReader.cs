using System.Text.RegularExpressions;
using Minsheng.Importing.Extraction;
using Minsheng.Importing.Mapping;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Reads the year's projects from a numbered list in running text, for documents without a table: a government work
/// report that lists them inside one paragraph ("(1)…。(2)…。…(15)…。"), or one item per paragraph. Markers are
/// (1), （一）, 1. / 1、, 一是 and 一、; a list counts only when its numbers run 1, 2, 3 … in order, at least three, so
/// ordinals in the text (六中, 第五幼儿园, 一村一场) and decimals (2.5公里) never split it. The markers are cut
/// off the items, so they never become targets. Each item becomes a row 序号 / 项目名称 / 建设内容 for the
/// <see cref="ProjectBuilder"/>, which reads its targets and dates as it does a table's.
/// </summary>
internal static partial class ProseListReader
{
    public sealed record Item(string Number, string Text, string Location);

    public sealed record Found(List<Item> Items, int ParagraphNumber, string Location, bool OneParagraph);

    private static readonly string[] Digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>The longest numbered list in the paragraphs; a list near the words 民生实事 wins over a longer one elsewhere.</summary>
    public static Found? Find(IReadOnlyList<SourceParagraph> paragraphs)
    {
        Found? best = null;
        var bestScore = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var near = Enumerable.Range(Math.Max(0, p - 2), Math.Min(3, p + 1)).Any(k => Mentions(paragraphs[k].Text));
            foreach (var marker in Markers())
            {
                var inside = Chain(paragraphs[p].Text, marker);
                Consider(inside is { Count: >= 3 } ? new Found(
                    inside.Select(x => new Item(x.Number, x.Text, paragraphs[p].Location)).ToList(), p + 1, paragraphs[p].Location, true) : null, near);
                if (StartsWithNumber(paragraphs[p].Text, marker, 1) is not null) Consider(Across(paragraphs, p, marker), near);
            }
        }
        return best;

        void Consider(Found? found, bool nearWords)
        {
            // A notice's own outline (一、总体要求 二、工作任务 三、保障措施) is numbered too; a list of projects states figures.
            if (found is null || found.Items.Count(i => QuantityParser.Parse(i.Text).Count > 0) * 2 < found.Items.Count) return;
            var score = found.Items.Count + (nearWords ? 100 : 0);
            if (score > bestScore) { best = found; bestScore = score; }
        }
    }

    private static bool Mentions(string text) => text.Contains("民生实事") || text.Contains("实事") || text.Contains("民生工程");

    /// <summary>One item per paragraph: paragraphs starting 1, 2, 3 …; paragraphs between them continue the item above.</summary>
    private static Found? Across(IReadOnlyList<SourceParagraph> paragraphs, int start, Regex marker)
    {
        var items = new List<Item>();
        var expected = 1;
        for (var p = start; p < paragraphs.Count; p++)
        {
            var text = paragraphs[p].Text.Trim();
            if (StartsWithNumber(text, marker, expected) is { } body)
            {
                items.Add(new Item(Label(marker, expected), body, paragraphs[p].Location));
                expected++;
                continue;
            }
            // A line broken mid-sentence continues the item; after a finished item (。；）) the list is over, so the
            // closing paragraphs and the signature stay out of the last item.
            if (items.Count == 0 || text.Length > 200 || Markers().Any(m => StartsWithNumber(text, m, 1) is not null)
                || items[^1].Text.TrimEnd() is { Length: > 0 } previous && "。；;）)！".Contains(previous[^1])) break;
            var last = items[^1];
            items[^1] = last with { Text = last.Text + text };
        }
        return items.Count >= 3 ? new Found(items, start + 1, paragraphs[start].Location, false) : null;
    }

    private static string? StartsWithNumber(string text, Regex marker, int number)
    {
        var m = marker.Match(text.TrimStart());
        return m.Success && m.Index == 0 && Value(m) == number ? text.TrimStart()[m.Length..].Trim() : null;
    }

    /// <summary>Markers numbered 1, 2, 3 … in order inside one text, and the text each one introduces.</summary>
    private static List<(string Number, string Text)>? Chain(string text, Regex marker)
    {
        var starts = new List<(int Start, int BodyStart, int Number)>();
        var expected = 1;
        foreach (Match m in marker.Matches(text))
        {
            if (Value(m) != expected) continue;
            starts.Add((m.Index, m.Index + m.Length, expected));
            expected++;
        }
        if (starts.Count < 3) return null;
        var items = new List<(string, string)>();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1].Start : text.Length;
            items.Add((Label(marker, starts[k].Number), text[starts[k].BodyStart..end].Trim()));
        }
        // The last item runs to the end of the paragraph, which may go on after the list (以上实事，请各部门抓好落实。):
        // when it is far longer than the others, only its first sentence is the item.
        var (number, last) = items[^1];
        var typical = items.Take(items.Count - 1).Select(i => i.Item2.Length).Order().ElementAt((items.Count - 1) / 2);
        var stop = last.IndexOf('。');
        if (last.Length > 2 * typical && stop > 0 && stop < last.Length - 1) items[^1] = (number, last[..(stop + 1)]);
        return items;
    }

    private static string Label(Regex marker, int number) =>
        marker == ArabicParen() || marker == ArabicDot() ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : number <= 10 ? Digits[number - 1] : number < 20 ? "十" + Digits[number - 11] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Value(Match m)
    {
        var n = m.Groups["n"].Value;
        if (int.TryParse(n, out var arabic)) return arabic;
        return ChineseNumber(n);
    }

    /// <summary>一 … 九十九 as a number; 0 when it is none.</summary>
    private static int ChineseNumber(string text)
    {
        int Digit(char c) => Array.IndexOf(Digits, c.ToString()) + 1;
        return text.Length switch
        {
            1 => Digit(text[0]),
            2 when text[0] == '十' => 10 + Digit(text[1]),
            2 when text[1] == '十' => Digit(text[0]) * 10,
            3 when text[1] == '十' => Digit(text[0]) * 10 + Digit(text[2]),
            _ => 0,
        };
    }

    private static IEnumerable<Regex> Markers() => [ArabicParen(), ChineseParen(), ArabicDot(), ChineseShi(), ChineseComma()];

    /// <summary>
    /// The items as rows of a table 序号 / 项目名称 / 建设内容: the name is the item's first clause, the content all of it.
    /// </summary>
    public static (SourceTable Table, ColumnMap Map) AsTable(Found found, IssueLog issues)
    {
        var header = new SourceRow(
            [new("序号", found.Location), new("项目名称", found.Location), new("建设内容", found.Location), new("牵头单位", found.Location)], found.Location);
        var rows = found.Items.Select(item =>
        {
            var body = item.Text.Trim().TrimEnd('；', ';', '，', ',', ' ');
            // （牵头单位：县民政局） closing an item names its lead unit; it is no part of the content.
            var units = "";
            if (UnitNote().Match(body) is { Success: true } note)
            {
                units = note.Groups["units"].Value.Trim();
                body = (body[..note.Index] + body[(note.Index + note.Length)..]).Trim();
            }
            else if (LedBy().Match(body) is { Success: true } ledBy)
            {
                // 由市教育局牵头 (or 牵头负责, 牵头实施) names the lead unit inside the sentence; the content keeps it as written.
                units = ledBy.Groups["units"].Value.Trim();
            }
            return new SourceRow([new(item.Number, item.Location), new(NameOf(body), item.Location), new(body, item.Location), new(units, item.Location)], item.Location);
        }).ToList();
        if (rows.All(r => r.Cells[3].Text.Length == 0))
        {
            // No item names a unit: no unit column, so no item is reported as lacking one.
            header = new SourceRow(header.Cells.Take(3).ToList(), header.Location);
            rows = rows.Select(r => new SourceRow(r.Cells.Take(3).ToList(), r.Location)).ToList();
        }
        return (new SourceTable([header, .. rows], found.Location), ColumnMap.FromHeader(header, issues));
    }

    /// <summary>The item's name: its first sentence when that is short (实施城区停车设施建设。新建…), else its first clause.</summary>
    private static string NameOf(string body)
    {
        var sentence = body.Split('。', '；', ';')[0].Trim();
        if (sentence.Length is > 0 and <= 20 && !sentence.Any(char.IsAsciiDigit)) return sentence;
        var clause = body.Split('。', '，', '；', '：', ',', ';', ':')[0].Trim();
        if (clause.Length == 0) clause = body;
        return clause.Length <= 30 ? clause : clause[..30];
    }

    [GeneratedRegex(@"由(?<units>[^，。；,;：:由]{2,60}?)(?:牵头|负责)")]
    private static partial Regex LedBy();

    [GeneratedRegex(@"[(（]\s*(?:牵头单位|责任单位|主办单位|牵头部门|责任部门|实施单位)\s*[:：](?<units>[^（）()]{2,80})[)）]\s*[。；;]?\s*$")]
    private static partial Regex UnitNote();

    [GeneratedRegex(@"[(（](?<n>\d{1,2})[)）]")]
    private static partial Regex ArabicParen();

    [GeneratedRegex(@"[(（](?<n>[一二三四五六七八九十]{1,3})[)）]")]
    private static partial Regex ChineseParen();

    /// <summary>1. or 1、 not inside a number: neither 2.5公里 nor 2025.3 nor 12.</summary>
    [GeneratedRegex(@"(?<![\d.．])(?<n>\d{1,2})[.、．](?!\d)")]
    private static partial Regex ArabicDot();

    /// <summary>一是 … 二是 …; not 统一是 or 唯一是, whose 一 belongs to the word before.</summary>
    [GeneratedRegex(@"(?<![统唯万第同专单])(?<n>[一二三四五六七八九十]{1,3})是")]
    private static partial Regex ChineseShi();

    [GeneratedRegex(@"(?<![\u4e00-\u9fff])(?<n>[一二三四五六七八九十]{1,3})、")]
    private static partial Regex ChineseComma();
}
