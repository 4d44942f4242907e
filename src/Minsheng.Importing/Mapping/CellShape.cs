using System.Text.RegularExpressions;
using Minsheng.Importing.Building;

namespace Minsheng.Importing.Mapping;

/// <summary>
/// What a cell looks like, whatever its column is called: a sequence number, a figure, a unit of measure, a deadline,
/// a list of departments, or free text. Used to place the cells of rows whose separators were lost (one cell per
/// line, runs of spaces) and to map columns whose header words the importer does not know.
/// </summary>
internal static partial class CellShape
{
    public enum Kind
    {
        Blank,
        /// <summary>"-", "—", "/", "无": the cell says there is nothing.</summary>
        Dash,
        Sequence,
        /// <summary>A bare figure, perhaps with a comparator or %: 0.8, ≥680, 115%.</summary>
        Number,
        /// <summary>A unit of measure on its own: 万人, 公里, 元/月/人.</summary>
        MeasureUnit,
        /// <summary>A cell that starts with a date: 12月底前, 9月投入使用, 2025年10月.</summary>
        Date,
        /// <summary>Department names: 县住建局, 县人社局、县财政局.</summary>
        Units,
        Text,
    }

    private static readonly string[] MeasureWords =
    [
        "人", "人次", "户", "户次", "元", "个", "所", "座", "处", "条", "公里", "千米", "米", "平方米", "亩", "公顷", "套", "间", "张", "床",
        "家", "辆", "台", "项", "次", "场", "场次", "名", "例", "吨", "株", "盏", "栋", "件", "批", "组", "班", "期", "%", "‰", "千瓦", "立方米",
        "延米", "块", "根", "支", "口", "只", "头", "部", "册", "份", "个百分点",
    ];

    public static Kind Classify(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return Kind.Blank;
        if (text is "-" or "—" or "——" or "－" or "/" or "／" or "无" or "—/—" or "--") return Kind.Dash;
        if (Sequence().IsMatch(text)) return Kind.Sequence;
        if (Number().IsMatch(text)) return Kind.Number;
        if (IsMeasureUnit(text)) return Kind.MeasureUnit;
        if (text.Length <= 24 && DateStart().IsMatch(text)) return Kind.Date;
        if (text.Length <= 80 && !text.Any(char.IsAsciiDigit) && text.IndexOfAny(['。', '，', ',', '；', '：']) < 0)
        {
            var pieces = text.Split(['、', '/', '／', ' ', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (pieces.All(p => p.Length is >= 3 and <= 20 && UnitListParser.LooksComplete(p))) return Kind.Units;
        }
        return Kind.Text;
    }

    /// <summary>万人, 公里, 元/月/人, 万元, 个百分点: a unit of measure, with an optional 万/亿 multiplier.</summary>
    public static bool IsMeasureUnit(string text)
    {
        text = text.Trim().Trim('（', '）', '(', ')');
        if (text.Length is 0 or > 8 || text.Any(char.IsAsciiDigit)) return false;
        var bare = text.Length > 1 && text[0] is '万' or '亿' ? text[1..] : text;
        if (MeasureWords.Contains(bare)) return true;
        // Rates: 元/月/人, 人/万人, 床/千人.
        var parts = bare.Split('/', '／');
        return parts.Length >= 2 && parts.All(p => p.Length is >= 1 and <= 2 && p.All(TextCleaner.IsIdeograph));
    }

    /// <summary>True when a cell of this kind may stand in a column of this role.</summary>
    public static bool Fits(Kind kind, ColumnRole role) => kind switch
    {
        Kind.Blank => true,
        // 45 is a row number or a figure, by the column it comes to.
        Kind.Sequence => role is ColumnRole.Sequence || Fits(Kind.Number, role),
        Kind.Dash => role is not (ColumnRole.Sequence or ColumnRole.Name),
        // 工作目标 over bare figures is read as target figures once the table is mapped.
        Kind.Number => role is ColumnRole.Content or ColumnRole.TargetValue or ColumnRole.ActualValue or ColumnRole.CompletionRate or ColumnRole.Investment
            or ColumnRole.TotalInvestment or ColumnRole.Remarks or ColumnRole.Unknown,
        Kind.MeasureUnit => role is ColumnRole.MeasureUnit or ColumnRole.Remarks or ColumnRole.Unknown,
        Kind.Date => role is ColumnRole.Deadline or ColumnRole.StartDate or ColumnRole.Remarks or ColumnRole.Unknown,
        // A name such as 城北污水处理厂 ends like a unit; it still belongs in a name column when that comes first.
        Kind.Units => IsUnitRole(role) || role is ColumnRole.Name or ColumnRole.Content or ColumnRole.Remarks or ColumnRole.Unknown
            or ColumnRole.MeasureUnit,
        _ => role is ColumnRole.Name or ColumnRole.Content or ColumnRole.Deadline or ColumnRole.Remarks or ColumnRole.Unknown
            or ColumnRole.Location or ColumnRole.Completion or ColumnRole.Leader or ColumnRole.Investment or ColumnRole.TotalInvestment,
    };

    public static bool IsUnitRole(ColumnRole role) =>
        role is ColumnRole.LeadUnits or ColumnRole.CoUnits or ColumnRole.ResponsibleUnits or ColumnRole.CertificationUnits
            or ColumnRole.CommandHeadquarters;

    /// <summary>
    /// Spreads the cells of one logical row over the columns, left to right, each cell into the first column from the
    /// current one that can hold it; a cell that fits no column further right starts a new row (a continuation written
    /// beneath a merged sequence or unit cell). Returns, per row, the column of each cell.
    /// </summary>
    public static List<List<(int Column, int Cell)>> Place(IReadOnlyList<ColumnRole> roles, IReadOnlyList<string> cells)
    {
        var rows = new List<List<(int Column, int Cell)>> { new() };
        var column = 0;
        for (var n = 0; n < cells.Count; n++)
        {
            var kind = Classify(cells[n]);
            var at = FirstFit(roles, kind, column);
            if (at < 0)
            {
                // Past every column that could hold it: a new row beneath, whose sequence cell is merged from above.
                at = FirstFit(roles, kind, roles.Count > 1 && roles[0] == ColumnRole.Sequence ? 1 : 0);
                if (at >= 0 && rows[^1].Count > 0) rows.Add([]);
                else if (at < 0)
                {
                    // Fits no column at all (a stray sub-number): it goes with the cell before it.
                    at = rows[^1].Count > 0 ? rows[^1][^1].Column : Math.Min(column, roles.Count - 1);
                    rows[^1].Add((at, n));
                    continue;
                }
            }
            rows[^1].Add((at, n));
            column = at + 1;
        }
        return rows;
    }

    private static int FirstFit(IReadOnlyList<ColumnRole> roles, Kind kind, int from)
    {
        for (var j = from; j < roles.Count; j++)
        {
            if (Fits(kind, roles[j])) return j;
        }
        return -1;
    }

    [GeneratedRegex(@"^(?:\d{1,3}[.、．]?|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)$")]
    private static partial Regex Sequence();

    [GeneratedRegex(@"^(?:≥|≤|>=|<=|>|<|不少于|不低于|不高于|不超过|约)?\s*[-+]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿)?\s*(?:%|‰)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:(?:\d{4}年)?\d{1,2}月|\d{4}年(?:底|内|前|年底)|年底|年内|全年|上半年|下半年|第[一二三四]季度|[一二三四]季度)")]
    private static partial Regex DateStart();
}
