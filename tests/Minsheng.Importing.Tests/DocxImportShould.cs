using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Word annexes with layouts other than the seeds': other column orders, merged cells, multi-paragraph cells.</summary>
public sealed class DocxImportShould
{
    private static readonly string[] Preamble =
    [
        "安平县人民政府办公室", "安政办〔2025〕12号", "关于印发安平县2025年民生实事项目的通知",
        "各镇人民政府，县直各部门：", "2025年民生实事项目已经县十八届人大四次会议票决通过，现印发给你们。", "2025年3月5日",
        "附件：安平县2025年民生实事项目清单",
    ];

    private static byte[] MergedPlan() => TestDocuments.Docx(Preamble,
    [
        ["序号", "实事名称", "牵头单位", "实事内容", "计划投资（万元）", "完成时限", "配合单位", "责任领导", "建设地点", "资金来源"],
        ["1", "老旧供热管网改造（市定）", "县住建局", "改造老旧供热管网不少于12公里。", "860", "2025年10月", "县财政局、\n县发改委", "张三", "城区", "专项债"],
        ["2", "校园安全提升", "县教育局", "（1）为30所学校安装视频监控。", "300", "8月底", "县公安局", "李四", "", "县财政"],
        ["^", "^", "县卫健委", "（2）为学生开展体检2.1万人次。", "", "9月中旬", "", "", "", ""],
        ["3", "农村道路养护", "县交通运输\n局", "养护农村公路\n85公里，新建候车亭20座。", "1,200", "年底前", "各镇人民政府", "王五", "全县", "县财政"],
    ]);

    [Fact]
    public void ReadMetadataAroundTheTable()
    {
        var draft = TestDocuments.ImportOk(MergedPlan(), "plan.docx");
        Assert.Equal("安平县人民政府办公室", draft.Issuer);
        Assert.Equal("安政办〔2025〕12号", draft.DocumentNumber);
        Assert.Equal("关于印发安平县2025年民生实事项目的通知", draft.Title);
        Assert.Equal(new DateOnly(2025, 3, 5), draft.IssuedOn);
        Assert.Equal(2025, draft.Year);
        Assert.Equal("2025年民生实事项目已经县十八届人大四次会议票决通过", draft.Approval);
        Assert.Equal("各镇人民政府，县直各部门", draft.Metadata["addressees"]);
    }

    [Fact]
    public void MapColumnsByMeaningWhateverTheirOrder()
    {
        var draft = TestDocuments.ImportOk(MergedPlan(), "plan.docx");
        var heating = draft.Projects[0];
        Assert.Equal("老旧供热管网改造（市定）", heating.Name);
        Assert.Equal("市定", heating.CategoryTag);
        Assert.Equal(["县住建局"], heating.LeadUnits);
        Assert.Equal(["县财政局", "县发改委"], heating.CoUnits);
        Assert.Equal(8_600_000m, heating.InvestmentYuan);
        Assert.Equal("860", heating.InvestmentText);
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.Month), heating.Deadline);
        Assert.Equal("张三", heating.ResponsibleLeader);
        Assert.Equal("城区", heating.Location);
        TargetAssert.Targets(heating, (Comparator.AtLeast, 12m, "公里"));
    }

    [Fact]
    public void KeepUnknownColumnsAsExtraFieldsWithAWarning()
    {
        var result = new PlanImporter().Read(MergedPlan(), "plan.docx");
        Assert.Equal("专项债", result.Draft!.Projects[0].ExtraFields["资金来源"]);
        var warning = Assert.Single(result.Warnings, w => w.Code == "column.unknown");
        Assert.Contains("资金来源", warning.Message);
        Assert.Equal("table 1, row 1, cell 10", warning.Location);
    }

    [Fact]
    public void ReadVerticallyMergedRowsAsSubItems()
    {
        var draft = TestDocuments.ImportOk(MergedPlan(), "plan.docx");
        var school = draft.Projects[1];
        Assert.Equal(["2(1)", "2(2)"], school.SubItems.Select(s => s.Sequence));
        Assert.Equal(["县教育局"], school.SubItems[0].LeadUnits);
        Assert.Equal(["县卫健委"], school.SubItems[1].LeadUnits);
        Assert.Equal("李四", school.SubItems[1].ResponsibleLeader);
        Assert.Equal(Deadline.Of(2025, 8, DatePrecision.EndOfMonth), school.SubItems[0].Deadline);
        Assert.Equal(Deadline.Of(2025, 9, DatePrecision.MidMonth), school.SubItems[1].Deadline);
        Assert.Equal(Deadline.Of(2025, 9, DatePrecision.MidMonth), school.Deadline);
        TargetAssert.Targets(school.SubItems[1], (Comparator.Exactly, 21000m, "人次"));
        Assert.Null(school.SubItems[1].InvestmentYuan);
    }

    [Fact]
    public void JoinMultiParagraphCellsAndBrokenUnitNames()
    {
        var roads = TestDocuments.ImportOk(MergedPlan(), "plan.docx").Projects[2];
        Assert.Equal(["县交通运输局"], roads.LeadUnits);
        Assert.Equal("养护农村公路\n85公里，新建候车亭20座。", roads.Content);
        TargetAssert.Targets(roads, (Comparator.Exactly, 85m, "公里"), (Comparator.Exactly, 20m, "座"));
        Assert.Equal(12_000_000m, roads.InvestmentYuan);
        Assert.Equal(Deadline.Of(2025, 12, DatePrecision.Year), roads.Deadline);
    }

    [Fact]
    public void ReadHorizontallyMergedSectionRows()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "主办单位"],
            ["一、省定民生实事", "<", "<", "<"],
            ["1", "改造燃气管道", "改造燃气管道30公里。", "县城管局"],
            ["二、县定民生实事", "<", "<", "<"],
            ["1", "新建口袋公园", "新建口袋公园8个。", "县园林中心"],
        ]);
        var draft = TestDocuments.ImportOk(docx, "sections.docx");
        Assert.Equal(["一、省定民生实事", "二、县定民生实事"], draft.Projects.Select(p => p.Section));
        Assert.Equal(["县园林中心"], draft.Projects[1].LeadUnits);
    }

    [Fact]
    public void UseTheDirectoryToRejoinAUnitBrokenAtAUnitLikeEnding()
    {
        // "县人力资源和社会保障局办公" / "室" would look like two names without the directory.
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "就业服务", "新增就业500人。", "县人社局\n县乡村振兴\n局"],
            ["2", "养老服务", "新建助餐点6个。", "县民政局办\n公室"],
        ]);
        var units = new UnitDirectory("县民政局办公室", "县乡村振兴局", "县人社局");
        var draft = TestDocuments.ImportOk(docx, "units.docx", options: new ImportOptions { Units = units });
        Assert.Equal(["县人社局", "县乡村振兴局"], draft.Projects[0].LeadUnits);
        Assert.Equal(["县民政局办公室"], draft.Projects[1].LeadUnits);
    }
}

/// <summary>Shared assertion for target lists.</summary>
internal static class TargetAssert
{
    public static void Targets(ProjectDraft project, params (Comparator Comparator, decimal Value, string Unit)[] expected) =>
        Assert.Equal(expected, project.Targets.Select(t => (t.Comparator, t.Value, t.Unit)).ToArray());
}
