using System.Text.RegularExpressions;

namespace Minsheng.Importing;

/// <summary>
/// Counts written in words (新建两所幼儿园, 建设一座公园, 二十个站点). Words for numbers also make names, ordinals and
/// slogans (第一, 一站式, 三个一批, 千家万户, 一校一策, 两个确保), so a figure in words is a target only when it counts
/// something concrete: a countable unit follows, nothing marks it as an ordinal, a per-item rule or a slogan, and
/// 一 counts only buildings and rates (一座, 一所, 一个百分点), because 一个/一批/一次 in a notice mean "a" rather than "exactly one".
/// </summary>
internal static partial class ChineseNumerals
{
    private static readonly HashSet<string> CountableUnits =
    [
        "个", "座", "所", "家", "处", "条", "台", "辆", "套", "间", "场", "场次", "批", "批次", "名", "人", "人次", "户", "公里", "千米",
        "万元", "亿元", "个百分点", "支", "张", "床", "期", "班", "栋", "幢", "块", "盏",
    ];

    /// <summary>A count of one only where the notice names a building to deliver, or a rate to move (提高一个百分点).</summary>
    private static readonly HashSet<string> UnitsCountedFromOne = ["座", "所", "个百分点"];

    /// <summary>Nouns that make "三个方面", "两项制度", "五条措施" a way of speaking, not a figure to deliver.</summary>
    private static readonly string[] AbstractNouns =
    [
        "方面", "环节", "层面", "领域", "阶段", "维度", "重点", "关键", "机制", "体系", "原则", "措施", "举措", "制度", "意见", "规定",
        "路径", "渠道", "确保", "维护", "全面", "自信", "意识", "代表", "务必", "必须", "坚持", "统筹", "结合", "到位", "工程", "行动",
    ];

    [GeneratedRegex("[一二两三四五六七八九十][一二两三四五六七八九十百千零]*")]
    public static partial Regex Pattern();

    /// <summary>三 → 3, 十二 → 12, 二十 → 20, 两百零五 → 205; null for sequences that are no number (十四五, 一二).</summary>
    public static decimal? TryParse(string words)
    {
        var total = 0;
        int? digit = null;
        var lastMultiplier = int.MaxValue;
        var sawZero = false;
        foreach (var c in words)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两') d = 2;
            if (d == 0) { sawZero = true; continue; }
            if (d > 0)
            {
                if (digit is not null) return null;
                digit = d;
                continue;
            }
            var multiplier = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (multiplier == 0 || multiplier >= lastMultiplier) return null;
            if (digit is null && !(multiplier == 10 && total == 0)) return null;
            total += (digit ?? 1) * multiplier;
            digit = null;
            lastMultiplier = multiplier;
        }
        if (sawZero && digit is null) return null;
        total += digit ?? 0;
        return total > 0 ? total : null;
    }

    /// <summary>Measure words that also make place names with a numeral before them: 五台山, 七台河, 三台县, 五家渠.</summary>
    private static readonly HashSet<string> UnitsInPlaceNames = ["台", "家", "间", "块"];

    /// <summary>
    /// Characters that end a place name (山, 河, 县, 路 …). Only checked after the measure words above, because after
    /// 所 or 个 they are objects being counted (三所镇中心小学, 三个村).
    /// </summary>
    private const string PlaceEndings = "山河县镇路街桥渠湖寨庄沟峡湾坝屯岭峪港";

    /// <summary>
    /// 五台山路, 七台河, 三台县, 九台区, 五家渠: the numeral and the measure word are half of a name, not a count.
    /// 家 before 山 stays a count (五家山庄 are five businesses), and 台 before 区级/区属 counts machines for a district.
    /// </summary>
    private static bool IsPlaceName(string unit, string after)
    {
        if (!UnitsInPlaceNames.Contains(unit) || after.Length == 0) return false;
        if (unit == "家" && after[0] == '山') return false;
        if (unit == "台" && after[0] == '区') return after.Length < 2 || !"级属域内直".Contains(after[1]);
        return PlaceEndings.Contains(after[0]);
    }

    /// <summary>True when the figure in words at <paramref name="start"/> counts something to deliver.</summary>
    public static bool IsQuantity(string text, int start, decimal value, string unit, int unitEnd)
    {
        if (!CountableUnits.Contains(unit)) return false;
        if (value == 1 && !UnitsCountedFromOne.Contains(unit)) return false;
        if (start > 0 && text[start - 1] is '第' or '初' or '周' or '“' or '"' or '‘') return false;
        var after = unitEnd < text.Length ? text[unitEnd..Math.Min(text.Length, unitEnd + 2)] : "";
        // 一校一策, 三个一批, 千家万户: 一 or 万 right after the unit makes a slogan (两所九年制学校 stays a count).
        if (after.Length > 0 && "一万”\"’".Contains(after[0])) return false;
        if (AbstractNouns.Any(n => after.StartsWith(n, StringComparison.Ordinal))) return false;
        if (IsPlaceName(unit, after)) return false;
        // 每个乡镇建设一座: one per township is a rule for each, not the total.
        var clauseStart = text.LastIndexOfAny(['，', ',', '。', '；', ';', '\n'], Math.Max(0, start - 1)) + 1;
        var clause = text[clauseStart..start];
        return !clause.Contains('每');
    }
}
