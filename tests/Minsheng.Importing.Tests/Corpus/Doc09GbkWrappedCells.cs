using System.Text;
using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// A GBK-encoded text export, one cell per line behind a tab, where long cells wrap onto lines of their own: a
/// content cell broken between a figure and its measure word (窝沟封闭4000 / 颗), another broken mid-sentence, and a
/// unit name split 县住房和城乡 / 建设局.
/// </summary>
internal static class Doc09GbkWrappedCells
{
    private const string Text =
        "原阳县2025年民生实事任务分解表\n\n" +
        "\t序号\n\t项目名称\n\t建设内容\n\t责任单位\n\t完成时限\n\n" +
        "\t1\n\t口腔健康服务\n\t为全县适龄儿童免费实施窝沟封闭4000\n颗，开展口腔健康检查1.2万人次。\n\t县卫生健康委\n\t2025年11月底\n\n" +
        "\t2\n\t老旧小区改造\n\t改造城镇老旧小区15个、惠及居民1320户，同步实施\n配套管网改造9.6公里。\n\t县住房和城乡\n建设局\n\t2025年12月\n\n" +
        "\t3\n\t城乡环卫一体化\n\t新建垃圾中转站3座，购置环卫车辆24辆。\n\t县城市管理局\n\t2025年10月\n\n" +
        "\t4\n\t文化惠民工程\n\t开展送戏下乡演出180场，放映公益电影2400场。\n\t县文化广电和旅游局\n\t2025年12月底\n";

    private static byte[] Build()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(Text);
    }

    public static CorpusDocument Document => new("09-gbk-wrapped-cells", "GBK text, cell per line, cells wrapped over lines", "yuanyang-2025.txt",
        Build, 2025,
        [
            new("1", "口腔健康服务", Units("县卫生健康委"), null, End(2025, 11), T(4000, "颗"), T(12_000, "人次")),
            new("2", "老旧小区改造", Units("县住房和城乡建设局"), null, Month(2025, 12), T(15, "个"), T(1320, "户"), T(9.6m, "公里")),
            new("3", "城乡环卫一体化", Units("县城市管理局"), null, Month(2025, 10), T(3, "座"), T(24, "辆")),
            new("4", "文化惠民工程", Units("县文化广电和旅游局"), null, End(2025, 12), T(180, "场"), T(2400, "场")),
        ]);
}
