using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Shape 2: a year-end completion table copied out of a web page, cells separated by runs of spaces. The unit of
/// measure is its own column (万人, 公里, 元/月/人, 万元), the department sits under 备注, empty cells read "-", and
/// sub-rows (indented, no sequence, 备注 "-") inherit the sequence number and department of the row above.
/// </summary>
internal static class Doc02SpacedCompletionTable
{
    private const string Text = """
        淇县2025年重点民生实事完成情况（截至2025年12月31日）
        发布时间：2026-01-12    来源：淇县人民政府办公室
        序号    考核指标                    单位        工作目标    已完成数    占年任务之比    备注
        1       城镇新增就业                万人        0.6         0.72        120%            县人社局
                农村劳动力转移就业          万人        1.5         1.63        108.7%          -
        2       新改建农村公路              公里        45          52.3        116.2%          县交通运输局
        3       提高城乡居民基础养老金      元/月/人    10          10          100%            县人社局
        4       改造城镇老旧小区            户          1860        1860        100%            县住建局
        5       完成民生实事项目投资        万元        3500        4120        117.7%          县发改委
        6       学生营养改善计划覆盖        万人        2.1         -           -               县教育局
                资助家庭经济困难学生        人次        5600        6012        107.4%          -
        注：已完成数据由县统计局核定。
        """;

    public static CorpusDocument Document => new("02-spaced-completion", "completion table, runs of spaces, unit column, 备注 department", "qi-2025-wancheng.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "城镇新增就业", Units("县人社局"), null, null,
                T(6000, "人").Done(7200, 1.2m), T(15000, "人").Done(16300, 1.087m)),
            new("2", "新改建农村公路", Units("县交通运输局"), null, null, T(45, "公里").Done(52.3m, 1.162m)),
            new("3", "提高城乡居民基础养老金", Units("县人社局"), null, null, T(10, "元/月/人").Done(10, 1m)),
            new("4", "改造城镇老旧小区", Units("县住建局"), null, null, T(1860, "户").Done(1860, 1m)),
            new("5", "完成民生实事项目投资", Units("县发改委"), null, null, T(3500, "万元").Done(4120, 1.177m)),
            // 6: the first row reports nothing yet ("-"): no actual, no ratio; an invented one counts as extra.
            new("6", "学生营养改善计划覆盖", Units("县教育局"), null, null,
                T(21000, "人"), T(5600, "人次").Done(6012, 1.074m)),
        ]);
}
