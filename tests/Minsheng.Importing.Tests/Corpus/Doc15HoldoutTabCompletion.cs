using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Held out (see Doc13): a year-end completion table, tab separated, headed 序号 / 项目名称 / 年度目标 /
/// 截至12月底完成 / 完成比例 / 责任单位: the done column is named by its date, the ratio is a percentage.
/// </summary>
internal static class Doc15HoldoutTabCompletion
{
    private const string Text =
        "郏县2025年民生实事完成情况统计表\n" +
        "序号\t项目名称\t年度目标\t截至12月底完成\t完成比例\t责任单位\n" +
        "1\t新建公办幼儿园\t5所\t5所\t100%\t县教育局\n" +
        "2\t农村公路提质改造\t80公里\t86公里\t107.5%\t县交通运输局\n" +
        "3\t城镇新增就业\t6000人\t6420人\t107%\t县人力资源和社会保障局\n" +
        "4\t城乡居民免费健康体检\t12万人\t12.6万人\t105%\t县卫生健康委\n";

    public static CorpusDocument Document => new("15-holdout-tab-completion", "held out: completion table, done column named by its date", "jiaxian-2025-done.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "新建公办幼儿园", Units("县教育局"), null, null, T(5, "所").Done(5, 1m)),
            new("2", "农村公路提质改造", Units("县交通运输局"), null, null, T(80, "公里").Done(86, 1.075m)),
            new("3", "城镇新增就业", Units("县人力资源和社会保障局"), null, null, T(6000, "人").Done(6420, 1.07m)),
            new("4", "城乡居民免费健康体检", Units("县卫生健康委"), null, null, T(120_000, "人").Done(126_000, 1.05m)),
        ]);
}
