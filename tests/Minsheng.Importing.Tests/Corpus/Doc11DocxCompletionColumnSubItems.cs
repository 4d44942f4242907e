using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A .docx completion table with a 完成情况 column, where one project spans two rows numbered （1）（2） inside the
/// content cell, its sequence, name and unit cells merged down. Traps: 65岁以上 is an age; the 完成率 in item 4's text
/// is a ratio, not an actual; item 1 restates 1座 in its completion text.
/// </summary>
internal static class Doc11DocxCompletionColumnSubItems
{
    private static byte[] Build() => TestDocuments.Docx(
        ["长垣市2025年民生实事完成情况表"],
        [
            ["序号", "项目名称", "建设内容", "责任单位", "完成情况"],
            ["1", "城乡供水一体化", "新建水厂1座，铺设供水主管网42公里。", "市水利局", "新建水厂1座已通水运行，铺设主管网45.5公里。"],
            ["2", "基本公共卫生服务", "（1）为65岁以上老年人免费体检3.5万人。", "市卫生健康委", "（1）完成体检3.72万人。"],
            ["^", "^", "（2）为孕产妇免费开展产前筛查2800人。", "^", "（2）完成产前筛查2956人。"],
            ["3", "智慧停车", "新增智慧停车泊位2000个，建成停车诱导屏6块。", "市公安局交通管理大队、市城市管理局", "新增泊位2150个、诱导屏6块。"],
            ["4", "困难家庭适老化改造", "完成困难老年人家庭适老化改造300户。", "市民政局", "已完成改造312户，完成率104%。"],
        ]);

    public static CorpusDocument Document => new("11-docx-completion-column", ".docx, 完成情况 column, merged sub-item rows", "changyuan-2025-wancheng.docx",
        Build, 2025,
        [
            new("1", "城乡供水一体化", Units("市水利局"), null, null, T(1, "座").Done(1), T(42, "公里").Done(45.5m)),
            new("2", "基本公共卫生服务", Units("市卫生健康委"), null, null, T(35_000, "人").Done(37_200), T(2800, "人").Done(2956)),
            new("3", "智慧停车", Units("市公安局交通管理大队", "市城市管理局"), null, null, T(2000, "个").Done(2150), T(6, "块").Done(6)),
            new("4", "困难家庭适老化改造", Units("市民政局"), null, null, T(300, "户").Done(312, 1.04m)),
        ]);
}
