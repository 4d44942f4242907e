using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// An .xlsx completion sheet headed 项目 / 目标任务 / 完成数 / 完成率. Traps: the actual of 4所 is written with another
/// measure word (4个项目已全部竣工); 4.75亿元 is the actual of a 3亿元以上 target; one cell states two figures for two
/// targets, and the 完成率 cell then holds two ratios.
/// </summary>
internal static class Doc06XlsxCompletionSheet
{
    private static byte[] Build() => TestDocuments.Xlsx(
    [
        ["卫辉市2025年民生实事完成情况统计表", "", "", "", "", ""],
        ["序号", "项目", "目标任务", "完成数", "完成率", "责任单位"],
        ["1", "中小学校建设", "新建改扩建中小学校4所。", "4个项目已全部竣工", "100%", "市教育局"],
        ["2", "援企稳岗", "发放稳岗返还和就业补贴3亿元以上。", "4.75亿元", "158.3%", "市人社局"],
        ["3", "城乡居民医保", "城乡居民医保参保率达到95%，新增家庭医生签约1.5万人。", "参保率达到96.2%，新增签约1.68万人", "101.3%、112%", "市医保局、市卫生健康委"],
        ["4", "燃气管网改造", "改造老化燃气管道35公里，更换居民户内安全装置2万户。", "改造管道38.6公里、更换安全装置2.12万户", "110.3%、106%", "市住建局"],
        ["5", "农村寄递物流", "建设村级寄递物流综合服务站120个。", "126个", "105%", "市商务局"],
    ], "A1:F1");

    public static CorpusDocument Document => new("06-xlsx-completion", ".xlsx, 项目/目标任务/完成数/完成率", "weihui-2025-wancheng.xlsx",
        Build, 2025,
        [
            new("1", "中小学校建设", Units("市教育局"), null, null, T(4, "所").Done(4, 1m)),
            new("2", "援企稳岗", Units("市人社局"), null, null, AtLeast(3, "亿元").Done(4.75m, 1.583m)),
            new("3", "城乡居民医保", Units("市医保局", "市卫生健康委"), null, null,
                Reach(95, "%").Done(96.2m, 1.013m), T(15_000, "人").Done(16_800, 1.12m)),
            new("4", "燃气管网改造", Units("市住建局"), null, null,
                T(35, "公里").Done(38.6m, 1.103m), T(20_000, "户").Done(21_200, 1.06m)),
            new("5", "农村寄递物流", Units("市商务局"), null, null, T(120, "个").Done(126, 1.05m)),
        ]);
}
