using System.Text;
using System.Text.RegularExpressions;

namespace Minsheng.Importing.Building;

/// <summary>
/// Whitespace and character tidying shared by all readers. Exports pad names with spaces (任  伟,
/// "健康保障水平   （省定）") and write digits full-width; the rest of the importer sees one tidy form.
/// </summary>
internal static partial class TextCleaner
{
    /// <summary>Full-width digits, letters and %, ideographic and no-break spaces to their plain forms; drops zero-width marks.</summary>
    public static string NormalizeCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '０' and <= '９': sb.Append((char)(c - '０' + '0')); break;
                case >= 'Ａ' and <= 'Ｚ': sb.Append((char)(c - 'Ａ' + 'A')); break;
                case >= 'ａ' and <= 'ｚ': sb.Append((char)(c - 'ａ' + 'a')); break;
                case '％': sb.Append('%'); break;
                case '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009': sb.Append(' '); break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\r': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// One line: a long run of spaces was a line break lost in export ("全覆盖。      1、严格…"); spaces between two
    /// Chinese characters are padding (任  伟); other runs become one space.
    /// </summary>
    public static string TidyLine(string line)
    {
        var trimmed = line.Trim();
        return SpaceRun().Replace(trimmed, m =>
        {
            if (m.Length >= 6) return "\n";
            var before = m.Index > 0 ? trimmed[m.Index - 1] : ' ';
            var after = m.Index + m.Length < trimmed.Length ? trimmed[m.Index + m.Length] : ' ';
            return IsChinese(before) || IsChinese(after) ? "" : " ";
        });
    }

    /// <summary>
    /// A multi-line cell as paragraphs: tidy lines, blank lines dropped, joined with '\n'. A line that ends in a
    /// figure and a line that starts with its unit ("…窝沟封闭4000" / "颗") are one line the export wrapped, so they
    /// are joined without a break; otherwise the figure would lose its unit and the target would be missed.
    /// </summary>
    public static string Paragraphs(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lineStart = 0;
        foreach (var line in text.Split('\n').SelectMany(l => TidyLine(l).Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (sb.Length > 0)
            {
                if (CutBeforeItsUnit(sb, lineStart, line)) { sb.Append(line); continue; }
                sb.Append('\n');
            }
            lineStart = sb.Length;
            sb.Append(line);
        }
        return sb.ToString();
    }

    /// <summary>Words that start with a measure word but are no unit: "3" / "项目" is a number line and a new line.</summary>
    private static readonly string[] WordsStartingLikeUnits = ["项目", "个人", "个体", "次年", "台账", "处理", "处置", "件事", "部门", "部署", "期间", "批复", "批准", "条件", "条例", "场所", "场地", "口径"];

    private static bool CutBeforeItsUnit(StringBuilder previous, int lineStart, string next)
    {
        if (!char.IsAsciiDigit(previous[^1])) return false;
        // A line that is only a number ("3", "2.") is a sequence or a numbering, not the head of a figure.
        var hasWords = false;
        for (var i = lineStart; i < previous.Length && !hasWords; i++) hasWords = IsIdeograph(previous[i]);
        if (!hasWords) return false;
        if (WordsStartingLikeUnits.Any(w => next.StartsWith(w, StringComparison.Ordinal))) return false;
        return QuantityParser.UnitStartsAt(next, 0);
    }

    /// <summary>A cell that holds one value (name, leader, headquarters) broken over lines: "建设大别山青创\n\n园区" → 建设大别山青创园区.</summary>
    public static string SingleLine(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in Paragraphs(text).Split('\n'))
        {
            if (line.Length == 0) continue;
            if (sb.Length > 0 && !IsChinese(sb[^1]) && !IsChinese(line[0])) sb.Append(' ');
            sb.Append(line);
        }
        return sb.ToString();
    }

    /// <summary>Drops （…） and (…) parts: 计划投资（万元） → 计划投资.</summary>
    public static string RemoveBracketed(string text) => Bracketed().Replace(text, "");

    /// <summary>Chinese ideographs and full-width punctuation: no space is needed next to them.</summary>
    public static bool IsChinese(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF'
            or '“' or '”' or '‘' or '’' or '、' or '…' or '—';

    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"[（(][^（）()]*[）)]")]
    private static partial Regex Bracketed();
}
