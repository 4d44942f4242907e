using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A year-end 完成情况 notice written as paragraphs (numbered item, 责任单位 line, 完成情况 line). Traps: the actual of 4所
/// is stated with another measure word (4个项目已全部竣工); one completion line states two figures for two targets and
/// two ratios; 4.75亿元 answers 3亿元以上; 五台山路 is a street; 10万余名 / 10.6万名 carry 万 and 余; 完成…的121.7%
/// are ratios, not actuals.
/// </summary>
internal static class Doc10ParagraphDisclosure
{
    private const string Text = """
        新乡县2025年民生实事完成情况公告
        根据县统计局核定，现将2025年民生实事完成情况公告如下：
        一、省定民生实事
        1.改善农村学校办学条件。新建改扩建农村寄宿制学校4所。
        责任单位：县教育局
        完成情况：4个项目已全部竣工并投入使用。
        2.开展职业技能培训。全年开展职业技能培训1.2万人次，新增技能人才6000人。
        责任单位：县人社局
        完成情况：全年开展职业技能培训1.46万人次、新增技能人才7215人，分别完成年度目标任务的121.7%、120.3%。
        3.落实援企稳岗政策。全年发放各类稳岗就业资金3亿元以上。
        责任单位：县人社局、县财政局
        完成情况：累计发放资金4.75亿元，完成年度目标的158.3%。
        二、县定民生实事
        4.建设城市口袋公园。在五台山路、人民路沿线新建口袋公园8个。
        责任单位：县城市管理局
        完成情况：8个口袋公园全部建成开放。
        5.发放价格临时补贴。为10万余名困难群众发放价格临时补贴。
        责任单位：县民政局
        完成情况：共为10.6万名困难群众发放补贴。
        6.加强儿童口腔保健。为适龄儿童免费实施窝沟封闭4000颗。
        责任单位：县卫生健康委
        完成情况：完成窝沟封闭4352颗，完成年度任务的108.8%。
        新乡县人民政府办公室
        2026年1月20日
        """;

    public static CorpusDocument Document => new("10-paragraph-disclosure", "完成情况 paragraphs: item, 责任单位 line, 完成情况 line", "xinxiang-2025-gonggao.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "改善农村学校办学条件", Units("县教育局"), null, null, T(4, "所").Done(4)),
            new("2", "开展职业技能培训", Units("县人社局"), null, null,
                T(12_000, "人次").Done(14_600, 1.217m), T(6000, "人").Done(7215, 1.203m)),
            new("3", "落实援企稳岗政策", Units("县人社局", "县财政局"), null, null, AtLeast(3, "亿元").Done(4.75m, 1.583m)),
            new("4", "建设城市口袋公园", Units("县城市管理局"), null, null, T(8, "个").Done(8)),
            new("5", "发放价格临时补贴", Units("县民政局"), null, null, AtLeast(100_000, "名").Done(106_000)),
            new("6", "加强儿童口腔保健", Units("县卫生健康委"), null, null, T(4000, "颗").Done(4352, 1.088m)),
        ]);
}
