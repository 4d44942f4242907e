using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A .docx annex table with a two-row header (责任单位 spanning 牵头单位 / 配合单位) that Word repeats in the middle of the
/// table at a page break. Traps: 10万余名 (at least 100000), DR is no figure, 一中路 / 二中路 are streets.
/// </summary>
internal static class Doc05DocxTwoRowHeaderRepeated
{
    private static readonly string[] Top = ["序号", "项目名称", "建设内容", "计划投资（万元）", "责任单位", "<", "完成时限"];
    private static readonly string[] Bottom = ["^", "^", "^", "^", "牵头单位", "配合单位", "^"];

    private static byte[] Build() => TestDocuments.Docx(
        ["附件", "封丘县2025年民生实事项目计划表"],
        [
            Top, Bottom,
            ["1", "城市社区嵌入式服务设施", "建设社区嵌入式服务设施4处，服务群众10万余名。", "1200", "县民政局", "县住房和城乡建设局、县发展改革委", "2025年12月"],
            ["2", "乡镇卫生院能力提升", "为8个乡镇卫生院配备DR、彩超等设备，新建发热门诊2个。", "860", "县卫生健康委", "县财政局", "2025年10月底"],
            ["3", "农村饮水安全巩固提升", "新建改造供水工程12处，巩固提升6.5万农村人口供水保障水平。", "2300", "县水利局", "各乡镇人民政府", "2025年11月"],
            Top, Bottom,
            ["4", "公办养老机构改造", "改造提升乡镇敬老院5所，新增护理型床位150张。", "750", "县民政局", "县卫生健康委", "2025年9月底"],
            ["5", "全民健身设施补短板", "新建口袋公园6个、多功能运动场4个。", "480", "县体育事业发展中心", "县自然资源局", "2025年12月底"],
            ["6", "背街小巷改造", "改造一中路、二中路等背街小巷9条。", "1500", "县城市管理局", "县住房和城乡建设局", "2025年10月"],
        ]);

    public static CorpusDocument Document => new("05-docx-two-row-header", ".docx, two-row header repeated mid-table", "fengqiu-2025.docx",
        Build, 2025,
        [
            new("1", "城市社区嵌入式服务设施", Units("县民政局"), Units("县住房和城乡建设局", "县发展改革委"), Month(2025, 12),
                T(4, "处"), AtLeast(100_000, "名")),
            new("2", "乡镇卫生院能力提升", Units("县卫生健康委"), Units("县财政局"), End(2025, 10), T(8, "个"), T(2, "个")),
            new("3", "农村饮水安全巩固提升", Units("县水利局"), Units("各乡镇人民政府"), Month(2025, 11), T(12, "处"), T(65_000, "人")),
            new("4", "公办养老机构改造", Units("县民政局"), Units("县卫生健康委"), End(2025, 9), T(5, "所"), T(150, "张")),
            new("5", "全民健身设施补短板", Units("县体育事业发展中心"), Units("县自然资源局"), End(2025, 12), T(6, "个"), T(4, "个")),
            new("6", "背街小巷改造", Units("县城市管理局"), Units("县住房和城乡建设局"), Month(2025, 10), T(9, "条")),
        ]);
}
