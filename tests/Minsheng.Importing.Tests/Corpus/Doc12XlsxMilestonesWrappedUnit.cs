using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// An .xlsx 台账 with a merged title row, month-by-month steps in the 完成时限 cell (the last one is the deadline), a
/// unit name broken by Alt+Enter inside its cell (县住房和城乡 / 建设局), a leader cell merged over two rows, and
/// 各1个 standing for one of each of two facilities. Traps: 50% in a step is progress, not a target.
/// </summary>
internal static class Doc12XlsxMilestonesWrappedUnit
{
    private static byte[] Build() => TestDocuments.Xlsx(
    [
        ["获嘉县2025年民生实事工作台账", "", "", "", "", ""],
        ["序号", "项目名称", "年度目标", "完成时限", "牵头单位", "责任领导"],
        ["1", "老旧管网改造", "改造老旧供水管网18公里、燃气管网12公里。", "3月底开工；6月底完成50%；10月底全部完成。", "县住房和城乡\n建设局", "李明"],
        ["2", "县人民医院胸痛卒中中心", "建成胸痛中心、卒中中心各1个。", "2025年9月", "县卫生健康委", "周芳"],
        ["3", "农村幸福院建设", "新建农村幸福院15个，配备适老化床位300张。", "12月中旬", "县民政局", "赵刚"],
        ["4", "公共法律服务", "为困难群众提供法律援助不少于1200件。", "11月底", "县司法局", ""],
    ], "A1:F1", "F5:F6");

    public static CorpusDocument Document => new("12-xlsx-milestones", ".xlsx, milestones in 完成时限, Alt+Enter in a unit cell", "huojia-2025-taizhang.xlsx",
        Build, 2025,
        [
            new("1", "老旧管网改造", Units("县住房和城乡建设局"), null, End(2025, 10), T(18, "公里"), T(12, "公里")),
            new("2", "县人民医院胸痛卒中中心", Units("县卫生健康委"), null, Month(2025, 9), T(1, "个"), T(1, "个")),
            new("3", "农村幸福院建设", Units("县民政局"), null, Mid(2025, 12), T(15, "个"), T(300, "张")),
            new("4", "公共法律服务", Units("县司法局"), null, End(2025, 11), AtLeast(1200, "件")),
        ]);
}
