using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Held out: written by the lead after the importer changes were finished, by someone who did not change the
/// importer, to check the figures on a layout nobody tuned for. A tab export headed 编号 / 实事项目 / 具体目标 /
/// 主责单位 / 完成时间 (header words the importer was not given), a 2.5公里 that must stay one figure, and a
/// unit cell naming two departments.
/// </summary>
internal static class Doc13HoldoutTabSynonyms
{
    private const string Text =
        "舞钢市2025年十件民生实事项目表\n" +
        "编号\t实事项目\t具体目标\t主责单位\t完成时间\n" +
        "1\t城区道路微循环改造\t打通断头路4条，新建慢行道2.5公里\t市住房和城乡建设局\t2025年10月底\n" +
        "2\t农村饮水安全巩固提升\t新建改造供水管网120公里，惠及群众3.2万人\t市水利局、市农业农村局\t2025年11月\n" +
        "3\t社区食堂建设\t新建社区食堂8个\t市民政局\t2025年9月底\n" +
        "4\t中小学校园安全提升\t为全市中小学配备一键报警装置60套，覆盖率达到100%\t市教育局\t2025年8月底\n";

    public static CorpusDocument Document => new("13-holdout-tab-synonyms", "held out: tab export with unseen header words", "wugang-2025.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "城区道路微循环改造", Units("市住房和城乡建设局"), null, End(2025, 10), T(4, "条"), T(2.5m, "公里")),
            new("2", "农村饮水安全巩固提升", Units("市水利局", "市农业农村局"), null, Month(2025, 11), T(120, "公里"), T(32_000, "人")),
            new("3", "社区食堂建设", Units("市民政局"), null, End(2025, 9), T(8, "个")),
            new("4", "中小学校园安全提升", Units("市教育局"), null, End(2025, 8), T(60, "套"), Reach(100, "%")),
        ]);
}
