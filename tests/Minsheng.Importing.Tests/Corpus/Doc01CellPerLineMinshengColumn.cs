using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Shape 1: a plain-text export of a Word table with one cell per line and no tabs, the name column headed 民生实事
/// (the name is the whole commitment), a row continued without its own sequence number or unit cell (a merged
/// cell: the second half of item 5), and deadlines in words: 9月投入使用, 5月底前动工, 12月底前.
/// Traps: 五台山路 is a street, not 5 台; 60岁以上 is an age; 10万余名 is at least 100000 people.
/// </summary>
internal static class Doc01CellPerLineMinshengColumn
{
    private const string Text = """
        浚县人民政府办公室
        关于印发浚县2025年十件民生实事责任分解表的通知
        各乡镇人民政府、街道办事处，县政府各部门：
        现将《浚县2025年民生实事责任分解表》印发给你们，请认真抓好落实。
        浚县2025年民生实事责任分解表
        序号
        民生实事
        责任单位
        完成时限
        1
        新建县第二实验小学，新增学位1620个
        县教育局
        9月投入使用
        2
        改造提升五台山路、卫河路等城区道路3条，共计6.8公里
        县住房和城乡建设局
        10月底前
        3
        为全县60岁以上老年人免费健康体检10万余名
        县卫生健康委
        12月底前
        4
        新建城乡公办幼儿园3所
        县教育局
        8月底前
        5
        新建城区农贸市场2个
        县商务局
        5月底前动工
        改造提升乡镇农贸市场5个
        11月底前
        6
        为全县适龄儿童免费实施窝沟封闭4000颗
        县卫生健康委
        12月底前
        7
        新增城区公共停车泊位1200个
        县公安局、县城市管理局
        12月底前
        浚县人民政府办公室
        2025年2月18日
        """;

    public static CorpusDocument Document => new("01-cell-per-line-民生实事", "cell per line, no tabs, 民生实事 column, merged row", "xun-2025.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("1", "新建县第二实验小学，新增学位1620个", Units("县教育局"), null, Month(2025, 9), T(1620, "个")),
            new("2", "改造提升五台山路、卫河路等城区道路3条，共计6.8公里", Units("县住房和城乡建设局"), null, End(2025, 10),
                T(3, "条"), T(6.8m, "公里")),
            new("3", "为全县60岁以上老年人免费健康体检10万余名", Units("县卫生健康委"), null, End(2025, 12), AtLeast(100_000, "名")),
            new("4", "新建城乡公办幼儿园3所", Units("县教育局"), null, End(2025, 8), T(3, "所")),
            // The continued row has no sequence and no unit of its own: it is item 5's second part, under 县商务局,
            // and the later of its two dates is when item 5 is done.
            new("5", "新建城区农贸市场2个", Units("县商务局"), null, End(2025, 11), T(2, "个"), T(5, "个")),
            new("6", "为全县适龄儿童免费实施窝沟封闭4000颗", Units("县卫生健康委"), null, End(2025, 12), T(4000, "颗")),
            new("7", "新增城区公共停车泊位1200个", Units("县公安局", "县城市管理局"), null, End(2025, 12), T(1200, "个")),
        ]);
}
