using System.Globalization;
using System.Text.RegularExpressions;
using Minsheng.Domain.Values;
using Minsheng.Importing.Building;

namespace Minsheng.Importing;

/// <summary>A figure found in running text: 不少于6910户 → (AtLeast, 6910, 户), labelled with the clause it stands in.</summary>
public sealed record ParsedTarget(string Label, Comparator Comparator, decimal Value, string Unit, string SourcePhrase, int Start, int Length)
{
    /// <summary>The figure as a domain quantity.</summary>
    public Quantity Quantity => new(Value, Unit);
}

/// <summary>
/// Finds quantified targets in a project's content. A target is a number followed by a unit of measure, with an
/// optional 万/亿 multiplier and comparator words around it. The number may be written in words (新建两所) where it
/// clearly counts something (see <see cref="ChineseNumerals"/>). Ages (35-64岁), dates (2024年, 3月底), ordinals
/// (第二), codes (G312, 〔2023〕4号), ranges, per-unit rates (1600元/每人), breakdowns in brackets or after 其中,
/// and "from" values (由8万元提高到16万元) are not targets.
/// </summary>
public static partial class QuantityParser
{
    private static readonly string[] Units =
    [
        "个百分点", "万元", "亿元", "元", "人次", "户次", "人", "名", "例", "户", "公里", "千米", "延米", "平方米", "平米", "立方米", "米",
        "亩", "公顷", "千瓦", "兆瓦", "座", "个", "所", "场次", "场", "台", "家", "批次", "批", "件", "处", "条", "辆", "套", "张", "间",
        "床", "项", "次", "吨", "株", "棵", "颗", "盏", "块", "栋", "幢", "根", "支", "期", "份", "册", "班", "组", "只", "头", "口", "眼", "部",
        "%", "‰",
    ];

    private static readonly (string Word, Comparator Comparator)[] Prefixes = new (string, Comparator)[]
    {
        ("不少于", Comparator.AtLeast), ("不低于", Comparator.AtLeast), ("不小于", Comparator.AtLeast), ("至少", Comparator.AtLeast),
        ("超过", Comparator.AtLeast), ("多于", Comparator.AtLeast), ("高于", Comparator.AtLeast), ("大于", Comparator.AtLeast), ("突破", Comparator.AtLeast),
        ("不高于", Comparator.AtMost), ("不超过", Comparator.AtMost), ("不大于", Comparator.AtMost), ("不多于", Comparator.AtMost),
        ("低于", Comparator.AtMost), ("少于", Comparator.AtMost), ("小于", Comparator.AtMost), ("控制在", Comparator.AtMost),
        ("降至", Comparator.AtMost), ("降低到", Comparator.AtMost), ("降到", Comparator.AtMost), ("降低至", Comparator.AtMost),
        ("达到", Comparator.Reach), ("提高到", Comparator.Reach), ("提升到", Comparator.Reach), ("提高至", Comparator.Reach),
        ("提升至", Comparator.Reach), ("增加到", Comparator.Reach), ("增至", Comparator.Reach), ("达", Comparator.Reach),
        ("大约", Comparator.About), ("约", Comparator.About), ("近", Comparator.About),
    }.OrderByDescending(p => p.Item1.Length).ToArray();

    private static readonly (string Word, Comparator Comparator)[] Suffixes =
    [
        ("及以上", Comparator.AtLeast), ("以上", Comparator.AtLeast), ("以下", Comparator.AtMost), ("以内", Comparator.AtMost),
        ("之内", Comparator.AtMost), ("左右", Comparator.About),
    ];

    private const string ClauseBreaks = "，,。；;：:！？!?\n";

    public static IReadOnlyList<ParsedTarget> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        text = TextCleaner.NormalizeCharacters(text);
        var excluded = ExcludedZones(text);
        var raw = new List<(int Start, int End, int NumberStart, decimal Value, string Unit, Comparator Comparator)>();
        var skippedRateEnd = -1;
        foreach (var (numberStart, afterNumber, value, inWords) in NumberTokens(text))
        {
            if (excluded[numberStart] || !inWords && IsPartOfCodeOrRange(text, numberStart, afterNumber)) continue;
            if (inWords && IsWordRange(text, numberStart, afterNumber)) continue;
            // 分别按100%和80%救助: a rule of payment, not a figure to deliver; the figures joined to it go with it.
            if (TextBefore(text, numberStart, 1) == "按" || skippedRateEnd >= 0 && text[skippedRateEnd..numberStart] is "和" or "、" or "及")
            {
                skippedRateEnd = UnitAfter(text, afterNumber).End;
                continue;
            }
            var (unit, multiplier, unitEnd, orMore) = UnitAfter(text, afterNumber);
            if (unit is null) continue;
            if (IsRate(text, unitEnd)) continue;
            if (inWords && !ChineseNumerals.IsQuantity(text, numberStart, value, unit, unitEnd)) continue;
            var (comparator, phraseStart) = PrefixComparator(text, numberStart);
            if (comparator is null && TextBefore(text, numberStart, 1) == "由") continue;
            // 500余户, 10万余名, 200多个: 余/多 say "more than" the figure, so the notice promises at least that many
            // (AtLeast is the nearest comparator; a strict "above" would make the round figure itself a miss).
            // A stated 约 or 不超过 still wins, as the clerk wrote it.
            if (orMore && comparator is null or Comparator.Reach) comparator = Comparator.AtLeast;
            var phraseEnd = unitEnd;
            foreach (var (word, suffixComparator) in Suffixes)
            {
                if (string.CompareOrdinal(text, unitEnd, word, 0, word.Length) != 0) continue;
                // 达到50%以上 is at least 50 %; 控制在5%以内 stays at most.
                comparator = suffixComparator == Comparator.AtMost || comparator != Comparator.AtMost ? suffixComparator : comparator;
                phraseEnd = unitEnd + word.Length;
                break;
            }
            raw.Add((phraseStart, phraseEnd, numberStart, value * multiplier, unit, comparator ?? Comparator.Exactly));
        }

        var results = new List<ParsedTarget>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            var label = LeadingNumbering().Replace(ClauseAround(text, r.Start, r.End, i > 0 ? raw[i - 1].End : -1, i + 1 < raw.Count ? raw[i + 1].Start : int.MaxValue), "");
            var phrase = text[r.Start..r.End];
            results.Add(new ParsedTarget(label.Length == 0 ? phrase : label, r.Comparator, Tidy(r.Value), r.Unit, phrase, r.Start, r.End - r.Start));
        }
        return results;
    }

    /// <summary>Figures in digits (1,200, 3.5) and in words (三, 二十, 两百), in text order.</summary>
    private static IEnumerable<(int Start, int End, decimal Value, bool InWords)> NumberTokens(string text)
    {
        var tokens = new List<(int Start, int End, decimal Value, bool InWords)>();
        foreach (Match m in Number().Matches(text))
        {
            if (decimal.TryParse(m.Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                tokens.Add((m.Index, m.Index + m.Length, value, false));
        }
        foreach (Match m in ChineseNumerals.Pattern().Matches(text))
        {
            if (ChineseNumerals.TryParse(m.Value) is { } value) tokens.Add((m.Index, m.Index + m.Length, value, true));
        }
        return tokens.OrderBy(t => t.Start);
    }

    /// <summary>1.05 × 100000000 carries trailing zeros in its scale; drop them so 105000000 prints as such.</summary>
    internal static decimal Tidy(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Brackets hold breakdowns (含官庄工区129个…) and 其中 clauses split a total already counted.</summary>
    private static bool[] ExcludedZones(string text)
    {
        var excluded = new bool[text.Length + 1];
        var depth = 0;
        var inBreakdown = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '（' or '(') depth++;
            if (string.CompareOrdinal(text, i, "其中", 0, 2) == 0) inBreakdown = true;
            if (c is '；' or ';' or '。' or '\n' || string.CompareOrdinal(text, i, "共计", 0, 2) == 0 || string.CompareOrdinal(text, i, "合计", 0, 2) == 0)
                inBreakdown = false;
            excluded[i] = depth > 0 || inBreakdown;
            if (c is '）' or ')' && depth > 0) depth--;
        }
        return excluded;
    }

    private const string NumeralCharacters = "一二两三四五六七八九十百千万零";

    /// <summary>三至五所, 五到十个: a range in words is not one target figure.</summary>
    private static bool IsWordRange(string text, int start, int end) =>
        start > 1 && text[start - 1] is '至' or '到' or '—' or '-' or '～' && NumeralCharacters.Contains(text[start - 2])
        || end + 1 < text.Length && text[end] is '至' or '到' or '—' or '-' or '～' && NumeralCharacters.Contains(text[end + 1]);

    private static bool IsPartOfCodeOrRange(string text, int start, int end)
    {
        if (start > 0)
        {
            var before = text[start - 1];
            if (char.IsAsciiLetter(before) || before is '.' or '第' or '〔' or '[' or '［' or '_' or '/' || char.IsAsciiDigit(before)) return true;
            if (before is '-' or '~' or '～' or '—' or '至' && start > 1 && char.IsAsciiDigit(text[start - 2])) return true;
        }
        if (end < text.Length)
        {
            var after = text[end];
            if (after is '-' or '~' or '～' or '—' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])) return true;
            if (after is '〕' or ']' or '］' or '/' || char.IsAsciiLetter(after)) return true;
        }
        return false;
    }

    /// <summary>
    /// The unit after a number, with its 万/亿 multiplier. 余 or 多 may stand before the multiplier (300余万元) or
    /// after it (10万余名, 500余户); <c>OrMore</c> tells that one did.
    /// </summary>
    private static (string? Unit, decimal Multiplier, int End, bool OrMore) UnitAfter(string text, int position)
    {
        var multiplier = 1m;
        var at = position;
        var orMore = false;
        if (at < text.Length && text[at] is '余' or '多') { orMore = true; at++; }
        if (at < text.Length && text[at] is '万' or '亿' && !StartsWithAt(text, at, "万元") && !StartsWithAt(text, at, "亿元"))
        {
            multiplier = text[at] == '万' ? 10_000m : 100_000_000m;
            at++;
            if (!orMore && at < text.Length && text[at] is '余' or '多') { orMore = true; at++; }
        }
        foreach (var unit in Units)
        {
            if (!StartsWithAt(text, at, unit)) continue;
            // 个 before 月 or 工作日 is a duration, not a count: "3个月".
            if (unit == "个" && at + 1 < text.Length && text[at + 1] is '月' or '工') return (null, 1, position, false);
            return (unit, multiplier, at + unit.Length, orMore);
        }
        return (null, 1, position, false);
    }

    /// <summary>True when a unit of measure starts at <paramref name="position"/> (used to mend a figure cut from its unit by a line break).</summary>
    internal static bool UnitStartsAt(string text, int position) => UnitAfter(text, position).Unit is not null;

    /// <summary>1600元/每人/每月 or 10元每人 is a rate, not an amount to deliver.</summary>
    private static bool IsRate(string text, int unitEnd) =>
        unitEnd < text.Length && (text[unitEnd] is '/' or '／' || StartsWithAt(text, unitEnd, "每"));

    private static (Comparator? Comparator, int PhraseStart) PrefixComparator(string text, int numberStart)
    {
        var before = TextBefore(text, numberStart, 6);
        // 至少建设1所: an at-least word may stand before a short verb.
        if (AtLeastBeforeVerb().Match(TextBefore(text, numberStart, 8)) is { Success: true } gap)
            return (Comparator.AtLeast, numberStart - gap.Length);
        foreach (var (word, comparator) in Prefixes)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                // 约 in 签约 or 节约 is not "about".
                if (word == "约" && before.Length >= 2 && before[^2] is '签' or '节' or '履' or '预' or '制' or '合') break;
                if (word == "近" && before.Length >= 2 && before[^2] is '最' or '附' or '就') break;
                return (comparator, numberStart - word.Length);
            }
        }
        return (null, numberStart);
    }

    private static string TextBefore(string text, int position, int length)
    {
        var start = Math.Max(0, position - length);
        return text[start..position];
    }

    private static bool StartsWithAt(string text, int position, string word) =>
        position + word.Length <= text.Length && string.CompareOrdinal(text, position, word, 0, word.Length) == 0;

    /// <summary>
    /// The clause a figure stands in. Clauses end at ，。；： and at a 、 that separates two figures
    /// ("路口18个、…路口6个"), but not at a 、 inside a list of names ("宫颈癌、乳腺癌各完成筛查2870人").
    /// </summary>
    private static string ClauseAround(string text, int start, int end, int previousEnd, int nextStart)
    {
        var from = text.LastIndexOfAny(ClauseBreaks.ToCharArray(), Math.Max(0, start - 1)) + 1;
        if (start == 0) from = 0;
        var enumeration = text.LastIndexOf('、', Math.Max(0, start - 1));
        if (enumeration >= from && previousEnd > from && previousEnd <= enumeration) from = enumeration + 1;
        var to = text.IndexOfAny(ClauseBreaks.ToCharArray(), end);
        if (to < 0) to = text.Length;
        var nextEnumeration = text.IndexOf('、', end);
        if (nextEnumeration >= 0 && nextEnumeration < to && nextStart < to && nextStart > nextEnumeration) to = nextEnumeration;
        var label = text[from..to].Trim();
        return label.Length > 300 ? label[..300] : label;
    }

    [GeneratedRegex(@"(?:至少|不少于|不低于)[\u4e00-\u9fa5]{1,3}$")]
    private static partial Regex AtLeastBeforeVerb();

    [GeneratedRegex(@"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[、.．])\s*")]
    private static partial Regex LeadingNumbering();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
