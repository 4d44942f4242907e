using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Shape 3: the year's list inside one paragraph of a government work report, "(1)…。 (2)…。 … (15)…。", with no unit
/// column and no deadlines. Ordinals that are not targets: 六中, 三中, 第五幼儿园, 一村一场, 60岁以上, 两癌.
/// Names are the key words of each item's first clause (<see cref="ExpectedProject.NameIsKey"/>).
/// </summary>
internal static class Doc03WorkReportParagraph
{
    private const string Text =
        "政府工作报告\n" +
        "——2025年1月8日在汤阴县第十七届人民代表大会第五次会议上\n" +
        "三、2025年重点工作\n" +
        "（六）用心用情增进民生福祉。坚持尽力而为、量力而行，今年继续办好15件民生实事：" +
        "(1)新建县六中教学楼1栋，新增学位1200个。 " +
        "(2)改扩建县三中学生宿舍，新增床位800张。 " +
        "(3)建成县第五幼儿园，新增学位360个。 " +
        "(4)推进农村“一村一场”建设，新建村级健身广场30个。 " +
        "(5)为60岁以上老年人免费接种流感疫苗2万人次。 " +
        "(6)新增城镇就业3500人以上。 " +
        "(7)改造农村危房120户。 " +
        "(8)新改建农村公路80公里。 " +
        "(9)改造城区供水管网15公里，新建二次供水泵站2座。 " +
        "(10)新增公共充电桩200个。 " +
        "(11)为城乡困难群众发放各类救助资金3亿元以上。 " +
        "(12)为农村适龄妇女免费开展“两癌”筛查1.2万人。 " +
        "(13)新建城市书房5个。 " +
        "(14)建设标准化村卫生室25个。 " +
        "(15)完成城区雨污分流改造8.5公里。" +
        "我们将以实打实的举措，让群众看到变化、得到实惠。\n" +
        "（七）持续加强政府自身建设。\n";

    private static ExpectedProject Item(string n, string key, params ExpectedTarget[] targets) =>
        new(n, key, None, null, null, targets) { NameIsKey = true };

    public static CorpusDocument Document => new("03-work-report-paragraph", "(1)…(15) inside one paragraph of a work report", "tangyin-2025-report.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            Item("1", "新建县六中教学楼", T(1, "栋"), T(1200, "个")),
            Item("2", "改扩建县三中学生宿舍", T(800, "张")),
            Item("3", "建成县第五幼儿园", T(360, "个")),
            Item("4", "推进农村一村一场建设", T(30, "个")),
            Item("5", "免费接种流感疫苗", T(20_000, "人次")),
            Item("6", "新增城镇就业", AtLeast(3500, "人")),
            Item("7", "改造农村危房", T(120, "户")),
            Item("8", "新改建农村公路", T(80, "公里")),
            Item("9", "改造城区供水管网", T(15, "公里"), T(2, "座")),
            Item("10", "新增公共充电桩", T(200, "个")),
            Item("11", "发放各类救助资金", AtLeast(3, "亿元")),
            Item("12", "两癌筛查", T(12_000, "人")),
            Item("13", "新建城市书房", T(5, "个")),
            Item("14", "建设标准化村卫生室", T(25, "个")),
            Item("15", "完成城区雨污分流改造", T(8.5m, "公里")),
        ]);
}
