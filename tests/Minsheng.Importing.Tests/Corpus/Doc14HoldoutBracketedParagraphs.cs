using static Minsheng.Importing.Tests.Corpus.E;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Held out (see Doc13): a notice whose projects are paragraphs opened by （一）（二）…, each naming its lead unit
/// with 由…牵头 and its deadline in the last sentence. Traps: 第三人民医院 and 二期 are names, not figures.
/// </summary>
internal static class Doc14HoldoutBracketedParagraphs
{
    private const string Text = """
        汝州市人民政府办公室关于印发2025年民生实事实施方案的通知
        各乡镇人民政府、街道办事处，市政府各部门：
        （一）建设第三人民医院二期工程。新增床位300张，由市卫生健康委牵头，2025年12月底前完成主体建设。
        （二）实施老旧小区改造。改造老旧小区25个，惠及居民4800户，由市住房和城乡建设局牵头，2025年11月底前完成。
        （三）开展职业技能培训。培训城乡劳动者1.5万人次，由市人力资源和社会保障局牵头，2025年12月底前完成。
        （四）新建城市书房。新建城市书房6座，由市文化广电和旅游局牵头，2025年9月底前建成开放。
        汝州市人民政府办公室
        2025年2月20日
        """;

    public static CorpusDocument Document => new("14-holdout-bracketed-paragraphs", "held out: （一）（二） paragraphs with 由…牵头", "ruzhou-2025.txt",
        () => TestDocuments.Utf8(Text), 2025,
        [
            new("一", "建设第三人民医院二期工程", Units("市卫生健康委"), null, End(2025, 12), T(300, "张")) { NameIsKey = true },
            new("二", "实施老旧小区改造", Units("市住房和城乡建设局"), null, End(2025, 11), T(25, "个"), T(4800, "户")) { NameIsKey = true },
            new("三", "开展职业技能培训", Units("市人力资源和社会保障局"), null, End(2025, 12), T(15_000, "人次")) { NameIsKey = true },
            new("四", "新建城市书房", Units("市文化广电和旅游局"), null, End(2025, 9), T(6, "座")) { NameIsKey = true },
        ]);
}
