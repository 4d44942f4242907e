using Minsheng.Importing.Building;

namespace Minsheng.Importing.Mapping;

/// <summary>The header words counties use for each column (DESIGN §1), matched after tidying whitespace and brackets.</summary>
internal static class HeaderSynonyms
{
    private static readonly (ColumnRole Role, string[] Words)[] Table =
    [
        (ColumnRole.Sequence, ["序号", "编号", "序", "项目序号"]),
        (ColumnRole.Name, ["项目名称", "项目", "实事名称", "实事项目", "民生实事", "民生实事项目", "名称", "任务名称", "实事", "项目名", "民生实事名称"]),
        (ColumnRole.Content, ["建设内容", "项目内容", "实事内容", "主要内容", "建设内容及规模", "目标任务", "工作内容", "具体内容", "任务内容", "建设规模及内容", "工作目标", "目标任务及内容", "主要建设内容", "年度目标任务", "年度目标"]),
        (ColumnRole.Investment, ["计划投资", "投资", "总投资", "投资额", "计划投资额", "年度投资", "年度计划投资", "投资估算", "资金投入"]),
        (ColumnRole.Deadline, ["完成时限", "时限", "完成时间", "时间节点", "进度安排", "时间安排", "节点", "时限要求", "完成期限", "进度计划"]),
        (ColumnRole.LeadUnits, ["主办单位", "牵头单位", "主责单位", "牵头部门", "责任主体", "主办部门"]),
        (ColumnRole.ResponsibleUnits, ["责任单位", "责任部门"]),
        (ColumnRole.CoUnits, ["协办单位", "配合单位", "协同单位", "参与单位", "协办部门", "配合部门"]),
        (ColumnRole.Leader, ["责任领导", "分管领导", "包抓领导", "牵头领导", "责任人", "县级领导", "包抓县级领导"]),
        (ColumnRole.CommandHeadquarters, ["责任指挥部", "指挥部"]),
        (ColumnRole.CertificationUnits, ["认定单位", "核定单位", "认证单位", "考核认定单位"]),
        (ColumnRole.Remarks, ["备注", "说明"]),
        (ColumnRole.Location, ["建设地点", "地点", "实施地点", "项目地点"]),
        (ColumnRole.Completion, ["完成情况", "完成进度", "进展情况", "实际完成情况"]),
    ];

    private static readonly Dictionary<string, ColumnRole> RoleByWord =
        Table.SelectMany(t => t.Words.Select(w => (w, t.Role))).ToDictionary(x => x.w, x => x.Role);

    /// <summary>The role of a header cell, or Unknown. "计划投资（万元）" is Investment.</summary>
    public static ColumnRole RoleOf(string header)
    {
        var key = Key(header);
        if (key.Length == 0) return ColumnRole.Unknown;
        if (RoleByWord.TryGetValue(key, out var role)) return role;
        var withoutBrackets = TextCleaner.RemoveBracketed(key);
        if (RoleByWord.TryGetValue(withoutBrackets, out role)) return role;
        // Longer headers such as 计划投资额度 or 完成时限及节点: take the longest known word they start with. Two-character
        // words are too loose for this (资金来源 is not an investment).
        var prefix = RoleByWord.Keys.Where(w => w.Length >= 3 && withoutBrackets.StartsWith(w, StringComparison.Ordinal))
            .OrderByDescending(w => w.Length).FirstOrDefault();
        return prefix is null ? ColumnRole.Unknown : RoleByWord[prefix];
    }

    /// <summary>True when the cells read as a header row: a name or content column and at least two other known roles.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells)
    {
        var roles = cells.Select(RoleOf).Where(r => r != ColumnRole.Unknown).ToList();
        var distinct = roles.Distinct().Count();
        return distinct >= 3 && (roles.Contains(ColumnRole.Name) || roles.Contains(ColumnRole.Content))
            && cells.All(c => c.Length <= 40);
    }

    private static string Key(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c))).Replace('：', ':').TrimEnd(':');
}
