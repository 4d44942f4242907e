using Minsheng.Importing.Building;

namespace Minsheng.Importing.Mapping;

/// <summary>The header words counties use for each column (DESIGN §1), matched after tidying whitespace and brackets.</summary>
internal static partial class HeaderSynonyms
{
    private static readonly (ColumnRole Role, string[] Words)[] Table =
    [
        (ColumnRole.Sequence, ["序号", "编号", "序", "项目序号"]),
        (ColumnRole.Name, ["项目名称", "项目", "实事名称", "实事项目", "民生实事", "民生实事项目", "名称", "任务名称", "实事", "项目名", "民生实事名称",
            "考核指标", "指标名称", "指标", "考核内容", "民生实事内容", "实事项目名称"]),
        (ColumnRole.Content, ["建设内容", "项目内容", "实事内容", "主要内容", "建设内容及规模", "目标任务", "工作内容", "具体内容", "任务内容", "建设规模及内容", "工作目标", "目标任务及内容", "主要建设内容", "年度目标任务", "年度目标",
            "建设规模", "实施内容", "项目建设内容", "建设内容及目标", "年度任务", "任务目标", "主要目标", "具体目标", "主要任务", "目标内容", "工作任务"]),
        (ColumnRole.Investment, ["计划投资", "投资", "投资额", "计划投资额", "年度投资", "年度计划投资", "投资估算", "资金投入", "投资金额", "估算投资", "年度计划投资额", "本年度投资", "年度投资额", "计划投入资金"]),
        (ColumnRole.TotalInvestment, ["总投资", "项目总投资", "总投资额", "计划总投资", "概算总投资"]),
        (ColumnRole.Deadline, ["完成时限", "时限", "完成时间", "时间节点", "进度安排", "时间安排", "节点", "时限要求", "完成期限", "进度计划",
            "完成时间节点", "时间进度", "计划完成时间", "实施期限", "完成年限", "完工时间", "竣工时间", "进度要求"]),
        (ColumnRole.StartDate, ["开工时间", "开工日期", "开始时间", "计划开工时间"]),
        (ColumnRole.LeadUnits, ["主办单位", "牵头单位", "主责单位", "牵头部门", "责任主体", "主办部门", "牵头责任单位", "责任牵头单位", "承办单位", "实施单位", "实施主体", "主管部门"]),
        (ColumnRole.ResponsibleUnits, ["责任单位", "责任部门"]),
        (ColumnRole.CoUnits, ["协办单位", "配合单位", "协同单位", "参与单位", "协办部门", "配合部门", "协助单位", "协作单位", "配合责任单位", "协同部门"]),
        (ColumnRole.Leader, ["责任领导", "分管领导", "包抓领导", "牵头领导", "责任人", "县级领导", "包抓县级领导", "包联领导", "联系领导", "分管县领导", "牵头县领导", "县级责任领导", "责任县级领导", "区级领导", "市级领导", "包抓区级领导"]),
        (ColumnRole.CommandHeadquarters, ["责任指挥部", "指挥部"]),
        (ColumnRole.CertificationUnits, ["认定单位", "核定单位", "认证单位", "考核认定单位"]),
        (ColumnRole.Remarks, ["备注", "说明", "备注说明"]),
        (ColumnRole.Location, ["建设地点", "地点", "实施地点", "项目地点"]),
        // Only a year-end 完成情况 column makes a table a disclosure; 进展情况 / 完成进度 columns report progress
        // mid-year and stay extra fields, or a progress table would be recorded as year-end actuals.
        (ColumnRole.Completion, ["完成情况", "实际完成情况"]),
        // A completion table states figures in columns: target and done beside a unit of measure. 单位 alone may also
        // mean a department; ColumnMap settles that by the cells.
        (ColumnRole.MeasureUnit, ["单位", "计量单位", "指标单位"]),
        (ColumnRole.TargetValue, ["目标值", "年度目标值", "计划数", "目标数", "任务数", "年度任务数"]),
        (ColumnRole.ActualValue, ["已完成数", "完成数", "实际完成数", "完成数量", "累计完成", "累计完成数", "完成值", "实际完成值", "已完成"]),
        (ColumnRole.CompletionRate, ["占年任务之比", "完成率", "完成比例", "占年度任务之比", "占年任务比", "完成进度比", "任务完成率"]),
    ];

    /// <summary>
    /// Short words that only mean something under a spanning header (责任单位 over 牵头 / 配合, 完成时限 over 开工 / 完工,
    /// 计划投资 over 总投资 / 年度), by the role of the header they stand under.
    /// </summary>
    private static readonly (ColumnRole Parent, string[] Words, ColumnRole Role)[] SubHeaderWords =
    [
        (ColumnRole.LeadUnits, ["牵头", "主办", "主责", "牵头单位", "主办单位", "牵头部门"], ColumnRole.LeadUnits),
        (ColumnRole.LeadUnits, ["配合", "协办", "协同", "协助", "参与", "配合单位", "协办单位", "配合部门"], ColumnRole.CoUnits),
        (ColumnRole.LeadUnits, ["责任"], ColumnRole.ResponsibleUnits),
        (ColumnRole.Deadline, ["开工", "开始", "启动", "开工时间", "开始时间", "开工日期"], ColumnRole.StartDate),
        (ColumnRole.Deadline, ["完工", "完成", "竣工", "结束", "完工时间", "完成时间", "竣工时间", "完成日期"], ColumnRole.Deadline),
        (ColumnRole.Investment, ["总投资", "总计", "总额", "项目总投资", "总投资额"], ColumnRole.TotalInvestment),
        (ColumnRole.Investment, ["年度", "年度投资", "本年度", "当年", "年度计划", "年度计划投资", "本年", "计划投资", "年度投资额"], ColumnRole.Investment),
    ];

    /// <summary>
    /// Joins a spanning header and the sub-header beneath it: "责任单位/牵头单位". A "/" a county typed itself (完成时限/节点)
    /// reads the same way and still resolves, through the sub-header on its own.
    /// </summary>
    public const string SubHeaderSeparator = "/";

    private static readonly Dictionary<string, ColumnRole> RoleByWord =
        Table.SelectMany(t => t.Words.Select(w => (w, t.Role))).ToDictionary(x => x.w, x => x.Role);

    /// <summary>The role of a header cell, or Unknown. "计划投资（万元）" is Investment; "责任单位/配合单位" is CoUnits.</summary>
    public static ColumnRole RoleOf(string header)
    {
        var separator = header.IndexOf(SubHeaderSeparator, StringComparison.Ordinal);
        if (separator > 0) return RoleOfSubHeader(RoleOf(header[..separator]), header[(separator + SubHeaderSeparator.Length)..]);
        var key = Key(header);
        if (key.Length == 0) return ColumnRole.Unknown;
        if (RoleByWord.TryGetValue(key, out var role)) return role;
        var withoutBrackets = TextCleaner.RemoveBracketed(key);
        if (RoleByWord.TryGetValue(withoutBrackets, out role)) return role;
        // Longer headers such as 计划投资额度 or 完成时限及节点: take the longest known word they start with. Two-character
        // words are too loose for this (资金来源 is not an investment).
        var prefix = RoleByWord.Keys.Where(w => w.Length >= 3 && withoutBrackets.StartsWith(w, StringComparison.Ordinal))
            .OrderByDescending(w => w.Length).FirstOrDefault();
        if (prefix is not null) return RoleByWord[prefix];
        // A done column named by its date: 截至12月底完成, 截止目前完成数, 截至11月末累计完成.
        return DoneByDate().IsMatch(withoutBrackets) ? ColumnRole.ActualValue : ColumnRole.Unknown;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^截[至止].{0,8}(?:完成|累计)")]
    private static partial System.Text.RegularExpressions.Regex DoneByDate();

    /// <summary>
    /// The role of a sub-column: a short word read against the header above it (牵头 under 责任单位), else the sub-header on
    /// its own (配合单位 anywhere), else the header above (计划投资 over a bare （万元）).
    /// </summary>
    public static ColumnRole RoleOfSubHeader(ColumnRole parent, string subHeader)
    {
        if (SubWordRole(parent, subHeader) is { } role) return role;
        var own = RoleOf(subHeader);
        return own != ColumnRole.Unknown ? own : parent;
    }

    /// <summary>True when a cell can be a sub-header beneath a spanning header: a known header word or a word such as 牵头, 开工, 年度.</summary>
    public static bool IsSubHeaderWord(string text)
    {
        if (text.Length == 0 || text.Length > 20) return false;
        var key = TextCleaner.RemoveBracketed(Key(text));
        return RoleOf(text) != ColumnRole.Unknown || SubHeaderWords.Any(s => s.Words.Contains(key));
    }

    /// <summary>True when <paramref name="subHeader"/> fits under a header of role <paramref name="parent"/>: 开工 under 完成时限, 牵头单位 under 责任单位.</summary>
    public static bool FitsUnder(ColumnRole parent, string subHeader)
    {
        var family = Family(parent);
        if (family == ColumnRole.Unknown) return false;
        if (SubWordRole(parent, subHeader) is not null) return true;
        return Family(RoleOf(subHeader)) == family;
    }

    /// <summary>Units, dates, money and leaders are the headers counties split into sub-columns.</summary>
    public static bool HasSubColumns(ColumnRole role) => Family(role) != ColumnRole.Unknown;

    private static ColumnRole? SubWordRole(ColumnRole parent, string subHeader)
    {
        var key = TextCleaner.RemoveBracketed(Key(subHeader));
        var family = Family(parent);
        foreach (var (p, words, role) in SubHeaderWords)
        {
            if (p == family && words.Contains(key)) return role;
        }
        return null;
    }

    /// <summary>Headers that span sub-columns come in four families: units, dates, money, leaders.</summary>
    private static ColumnRole Family(ColumnRole role) => role switch
    {
        ColumnRole.LeadUnits or ColumnRole.ResponsibleUnits or ColumnRole.CoUnits => ColumnRole.LeadUnits,
        ColumnRole.Deadline or ColumnRole.StartDate => ColumnRole.Deadline,
        ColumnRole.Investment or ColumnRole.TotalInvestment => ColumnRole.Investment,
        ColumnRole.Leader => ColumnRole.Leader,
        _ => ColumnRole.Unknown,
    };

    /// <summary>True when the cells read as a header row: a name or content column and at least two other known roles.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells)
    {
        var roles = cells.Select(RoleOf).Where(r => r != ColumnRole.Unknown).ToList();
        var distinct = roles.Distinct().Count();
        return distinct >= 3 && (roles.Contains(ColumnRole.Name) || roles.Contains(ColumnRole.Content))
            && cells.All(c => c.Length <= 40);
    }

    /// <summary>
    /// A header row recognised by its shape rather than its words: 序号 first, then at least two short labels without
    /// figures or sentence punctuation. Counties invent column names (事项, 承担, 时间要求); the cells beneath then tell
    /// what each column holds (<see cref="ColumnMap"/>). The caller confirms it by a data row starting with a number.
    /// </summary>
    public static bool LooksLikeHeaderByShape(IReadOnlyList<string> cells)
    {
        if (cells.Count < 3 || RoleOf(cells[0]) != ColumnRole.Sequence) return false;
        return cells.All(c => c.Length is > 0 and <= 12 && !c.Any(char.IsAsciiDigit) && c.IndexOfAny(['。', '，', '；', ',', ':', '：']) < 0);
    }

    private static string Key(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c))).Replace('：', ':').TrimEnd(':');
}
