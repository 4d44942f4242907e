namespace Minsheng.Importing.Tests;

/// <summary>
/// The two misses the held-out corpus documents (13–15) found after the importer work was done: a lead unit named
/// with 由…牵头 inside a prose item, and a done column named by its date (截至12月底完成).
/// </summary>
public sealed class HeldOutLayoutsShould
{
    [Fact]
    public void TakeTheLeadUnitNamedWithYouQianTouInsideAProseItem()
    {
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8("""
            某县2025年民生实事
            （一）新建城市书房。新建城市书房6座，由县文化广电和旅游局牵头，2025年9月底前建成开放。
            （二）改造老旧小区。改造老旧小区25个，由县住房和城乡建设局牵头负责，2025年11月底前完成。
            （三）开展技能培训。培训劳动者1.5万人次，由县人力资源和社会保障局牵头，2025年12月底前完成。
            """), "notice.txt", 2025);

        Assert.Equal(["县文化广电和旅游局", "县住房和城乡建设局", "县人力资源和社会保障局"], draft.Projects.Select(p => p.LeadUnits.Single()));
    }

    [Fact]
    public void ReadADoneColumnNamedByItsDate()
    {
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(
            "序号\t项目名称\t年度目标\t截至12月底完成\t完成比例\t责任单位\n" +
            "1\t新建公办幼儿园\t5所\t5所\t100%\t县教育局\n" +
            "2\t农村公路提质改造\t80公里\t86公里\t107.5%\t县交通运输局\n" +
            "3\t城镇新增就业\t6000人\t6420人\t107%\t县人社局\n"), "done.txt", 2025);

        var roads = draft.Projects[1].Targets.Single();
        Assert.Equal((80m, 86m, 1.075m), (roads.Value, roads.Actual!.Value, roads.CompletionRatio!.Value));
    }
}
