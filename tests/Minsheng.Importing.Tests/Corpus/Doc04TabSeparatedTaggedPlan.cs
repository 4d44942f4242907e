using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A plan copied out of a spreadsheet: one row per line, cells separated by tabs, headed 实事名称 / 目标任务 / 牵头单位 /
/// 配合单位 / 完成时限, names tagged （省定）/（市定）. Traps: 3岁以下 is an age; 4.5个 is a level to reach.
/// </summary>
internal static class Doc04TabSeparatedTaggedPlan
{
    private const string Text =
        "滑县2025年民生实事项目清单\n" +
        "序号\t实事名称\t目标任务\t牵头单位\t配合单位\t完成时限\n" +
        "1\t城镇老旧小区改造（省定）\t全年新开工改造城镇老旧小区23个、涉及居民2150户。\t县住房和城乡建设局\t县财政局、各乡镇人民政府\t2025年12月底\n" +
        "2\t发展普惠托育服务（省定）\t新增普惠性托位300个，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\t县卫生健康委\t县发展改革委、县妇联\t2025年11月\n" +
        "3\t农村公路提质改造（市定）\t新改建农村公路60公里，改造危桥6座。\t县交通运输局\t县财政局\t2025年10月底\n" +
        "4\t城区集中供暖扩面（市定）\t新增集中供热面积50万平方米。\t县城市管理局\t县住房和城乡建设局\t2025年11月中旬\n" +
        "5\t困难残疾儿童康复救助\t为不少于500名残疾儿童提供康复救助。\t县残联\t县卫生健康委、县民政局\t2025年12月\n" +
        "6\t校园直饮水提升\t为全县128所中小学校安装直饮水设备。\t县教育局\t县市场监管局\t2025年9月初\n";

    public static CorpusDocument Document => new("04-tab-separated-tags", "tab-separated rows, 实事名称/目标任务/牵头/配合, 省定/市定 tags", "hua-2025.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "城镇老旧小区改造（省定）", Units("县住房和城乡建设局"), Units("县财政局", "各乡镇人民政府"), End(2025, 12),
                T(23, "个"), T(2150, "户")),
            new("2", "发展普惠托育服务（省定）", Units("县卫生健康委"), Units("县发展改革委", "县妇联"), Month(2025, 11),
                T(300, "个"), Reach(4.5m, "个")),
            new("3", "农村公路提质改造（市定）", Units("县交通运输局"), Units("县财政局"), End(2025, 10), T(60, "公里"), T(6, "座")),
            new("4", "城区集中供暖扩面（市定）", Units("县城市管理局"), Units("县住房和城乡建设局"), Mid(2025, 11), T(500_000, "平方米")),
            new("5", "困难残疾儿童康复救助", Units("县残联"), Units("县卫生健康委", "县民政局"), Month(2025, 12), AtLeast(500, "名")),
            new("6", "校园直饮水提升", Units("县教育局"), Units("县市场监管局"), Early(2025, 9), T(128, "所")),
        ]);
}
