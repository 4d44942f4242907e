using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A .docx without a table: the projects are an "一是…；二是…" list in one paragraph of the notice, no units, no
/// deadlines. Traps: 一万余名 is at least 10000 in Chinese numerals; "三山"片区 is a place; 三是/五是 are ordinals.
/// </summary>
internal static class Doc08YiShiErShiDocx
{
    private static byte[] Build() => TestDocuments.Docx(
    [
        "修武县人民政府",
        "关于2025年为民办实事工作的通知",
        "各乡镇人民政府，县政府各部门：",
        "2025年，县政府将集中力量办好以下民生实事：一是新建城区公办幼儿园2所，新增学位540个；二是改造提升农贸市场4个，新增摊位300个；" +
        "三是为全县一万余名低保对象购买防返贫保险；四是实施“三山”片区道路改造，新改建道路12.5公里；五是建设智慧路灯1600盏；" +
        "六是为全县中小学生免费开展视力筛查5.6万人次。",
        "各单位要明确责任，倒排工期，确保年底前全部完成。",
        "修武县人民政府",
        "2025年2月26日",
    ]);

    private static ExpectedProject Item(string n, string key, params ExpectedTarget[] targets) =>
        new(n, key, None, null, null, targets) { NameIsKey = true };

    public static CorpusDocument Document => new("08-yishi-ershi-docx", ".docx paragraph, 一是…二是… list", "xiuwu-2025.docx",
        Build, 2025,
        [
            Item("一", "新建城区公办幼儿园", T(2, "所"), T(540, "个")),
            Item("二", "改造提升农贸市场", T(4, "个"), T(300, "个")),
            Item("三", "购买防返贫保险", AtLeast(10_000, "名")),
            Item("四", "片区道路改造", T(12.5m, "公里")),
            Item("五", "建设智慧路灯", T(1600, "盏")),
            Item("六", "免费开展视力筛查", T(56_000, "人次")),
        ]);
}
