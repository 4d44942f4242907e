using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A notice that lists its projects as "1.…2.…" paragraphs, each with its targets and deadline in sentences and its
/// lead unit in brackets at the end. Traps: 两癌 is no figure; 首批10个 and 6月中旬 are a milestone, not a target or
/// the deadline; 其中乡镇不少于40个 is a second, at-least target.
/// </summary>
internal static class Doc07NumberedSentences
{
    private const string Text = """
        叶县人民政府关于2025年民生实事工作的安排意见
        为切实办好群众急难愁盼的民生小事，经县政府研究，确定2025年实施以下民生实事：
        1.实施城区停车设施建设。新建公共停车场3处，新增停车泊位800个，10月底前建成投用。（牵头单位：县城市管理局）
        2.推进农村户厕改造。改造农村卫生户厕2000户，11月底前完成。（牵头单位：县农业农村局）
        3.开展免费“两癌”筛查。为适龄妇女开展宫颈癌筛查6000人、乳腺癌筛查6000人，12月底前完成。（牵头单位：县卫生健康委）
        4.建设城乡充电设施。新建公共充电桩150个，其中乡镇不少于40个，9月底前完成。（牵头单位：县发展改革委）
        5.实施老年助餐服务。新建老年助餐点20个，年内服务老年人不少于3万人次；6月中旬前首批10个投入运营，12月底前全部建成。（牵头单位：县民政局）
        各牵头单位要于每月5日前报送工作进展情况。
        叶县人民政府
        2025年3月3日
        """;

    public static CorpusDocument Document => new("07-numbered-sentences", "1.…2.… paragraphs, deadlines and units in sentences", "yexian-2025.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "实施城区停车设施建设", Units("县城市管理局"), null, End(2025, 10), T(3, "处"), T(800, "个")),
            new("2", "推进农村户厕改造", Units("县农业农村局"), null, End(2025, 11), T(2000, "户")),
            new("3", "开展免费两癌筛查", Units("县卫生健康委"), null, End(2025, 12), T(6000, "人"), T(6000, "人")),
            new("4", "建设城乡充电设施", Units("县发展改革委"), null, End(2025, 9), T(150, "个"), AtLeast(40, "个")),
            new("5", "实施老年助餐服务", Units("县民政局"), null, End(2025, 12), T(20, "个"), AtLeast(30_000, "人次")),
        ]);
}
