using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Headers printed on two rows: 责任单位 over 牵头单位 / 配合单位, 完成时限 over 开工 / 完工, 计划投资 over 总投资 / 年度投资.</summary>
public sealed class TwoRowHeaderShould
{
    private static readonly string[] Title = ["青川县2025年民生实事项目清单"];

    [Fact]
    public void MapSubColumnsOfAMergedWordHeader()
    {
        var docx = TestDocuments.Docx(Title,
        [
            ["序号", "项目名称", "建设内容", "责任单位", "<", "完成时限", "<", "计划投资（万元）", "<"],
            ["^", "^", "^", "牵头单位", "配合单位", "开工", "完工", "总投资", "年度投资"],
            ["1", "城区停车场建设", "新建公共停车场2个，新增停车位不少于300个。", "县住建局", "县交通局、县公安局", "3月", "11月底", "2600", "1200"],
            ["2", "村级卫生室提升", "提升改造村卫生室15所。", "县卫健委", "各乡镇人民政府", "4月", "10月", "450", "450"],
        ]);
        var result = new PlanImporter().Read(docx, "two-rows.docx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.Code is "column.unknown" or "column.duplicate");
        var parking = Assert.Single(result.Draft!.Projects, p => p.Sequence == "1");
        Assert.Equal(2, result.Draft.Projects.Count);
        Assert.Equal(["县住建局"], parking.LeadUnits);
        Assert.Equal(["县交通局", "县公安局"], parking.CoUnits);
        Assert.Equal(Deadline.Of(2025, 11, DatePrecision.EndOfMonth), parking.Deadline);
        Assert.Equal("3月", parking.ExtraFields["完成时限/开工"]);
        // The annual figure is what this year's plan commits; the project's total is kept beside it.
        Assert.Equal(12_000_000m, parking.InvestmentYuan);
        Assert.Equal("2600", parking.ExtraFields["计划投资（万元）/总投资"]);
        TargetAssert.Targets(parking, (Comparator.Exactly, 2m, "个"), (Comparator.AtLeast, 300m, "个"));
    }

    [Fact]
    public void SkipTheTwoHeaderRowsRepeatedOnANewPage()
    {
        var docx = TestDocuments.Docx(Title,
        [
            ["序号", "项目名称", "建设内容", "责任单位", "<"],
            ["^", "^", "^", "牵头单位", "协办单位"],
            ["1", "农贸市场改造", "改造农贸市场3个。", "县商务局", "县市场监管局"],
            ["序号", "项目名称", "建设内容", "责任单位", "<"],
            ["^", "^", "^", "牵头单位", "协办单位"],
            ["2", "公厕新建", "新建城市公厕12座。", "县城管局", "县自然资源局"],
        ]);
        var result = new PlanImporter().Read(docx, "pages.docx");
        var draft = result.Draft!;
        Assert.Equal(["1", "2"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["县城管局"], draft.Projects[1].LeadUnits);
        Assert.Equal(["县自然资源局"], draft.Projects[1].CoUnits);
    }

    [Fact]
    public void MapSubColumnsOfMergedExcelRanges()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["2025年民生实事台账", "", "", "", "", ""],
            ["序号", "项目名称", "建设内容", "责任单位", "", "完成时间"],
            ["", "", "", "牵头部门", "配合部门", ""],
            ["1", "老年食堂建设", "建成老年食堂6个。", "县民政局", "县财政局", "2025年9月"],
            ["2", "全民健身设施", "新建健身路径20处。", "县文旅局", "各镇人民政府", "2025年10月"],
        ], "A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3");
        var result = new PlanImporter().Read(sheet, "two-rows.xlsx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var draft = result.Draft!;
        Assert.Equal(2, draft.Projects.Count);
        Assert.Equal(["县民政局"], draft.Projects[0].LeadUnits);
        Assert.Equal(["县财政局"], draft.Projects[0].CoUnits);
        Assert.Equal(["各镇人民政府"], draft.Projects[1].CoUnits);
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.Month), draft.Projects[1].Deadline);
    }

    [Fact]
    public void FoldASubHeaderRowOfATextExportWithPlaceholders()
    {
        // Word's text export writes the lower half of each merged column as an empty cell.
        var text = "2025年民生实事\n\n" + TestDocuments.CellPerLine(
            ["序号", "项目名称", "建设内容", "责任单位", "完成时限"],
            ["", "", "", "牵头单位", "配合单位", ""],
            ["1", "背街小巷整治", "整治背街小巷20条。", "县城管局", "县住建局、县财政局", "2025年10月"],
            ["2", "学前教育扩容", "新建幼儿园2所。", "县教育局", "县发改委", "2025年8月"]);
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "plan.txt");
        Assert.Equal(2, draft.Projects.Count);
        Assert.Equal(["县城管局"], draft.Projects[0].LeadUnits);
        Assert.Equal(["县住建局", "县财政局"], draft.Projects[0].CoUnits);
        Assert.Equal(Deadline.Of(2025, 8, DatePrecision.Month), draft.Projects[1].Deadline);
    }

    [Fact]
    public void FoldASubHeaderRowOfATextExportWithoutPlaceholders()
    {
        var text = "2025年民生实事\n\n" + TestDocuments.CellPerLine(
            ["序号", "项目名称", "建设内容", "完成时限", "责任单位"],
            ["牵头", "协办"],
            ["1", "背街小巷整治", "整治背街小巷20条。", "2025年10月", "县城管局", "县住建局"],
            ["2", "学前教育扩容", "新建幼儿园2所。", "2025年8月", "县教育局", "县发改委"]);
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "plan.txt");
        Assert.Equal(["县教育局"], draft.Projects[1].LeadUnits);
        Assert.Equal(["县发改委"], draft.Projects[1].CoUnits);
    }

    [Fact]
    public void FoldSubHeadersRunningOnInTheSameBlockOnlyWhenTheDataRowsHaveThatWidth()
    {
        const string rows = "\n\t1\n\t背街小巷整治\n\t整治背街小巷20条。\n\t县城管局\n\t县住建局\n\t2025年10月\n";
        var header = "\t序号\n\t项目名称\n\t建设内容\n\t责任单位\n\t完成时限\n\t牵头单位\n\t配合单位\n";
        var folded = TestDocuments.ImportOk(TestDocuments.Utf8("2025年民生实事\n\n" + header + rows), "plan.txt").Projects[0];
        Assert.Equal(["县城管局"], folded.LeadUnits);
        Assert.Equal(["县住建局"], folded.CoUnits);
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.Month), folded.Deadline);

        // Seven cells in the data row: the header is seven flat columns after all.
        const string flatRows = "\n\t1\n\t背街小巷整治\n\t整治背街小巷20条。\n\t县财政局\n\t2025年10月\n\t县城管局\n\t县住建局\n";
        var flat = TestDocuments.ImportOk(TestDocuments.Utf8("2025年民生实事\n\n" + header + flatRows), "plan.txt").Projects[0];
        Assert.Equal(["县城管局"], flat.LeadUnits);
        Assert.Equal(["县财政局", "县住建局"], flat.CoUnits);
    }

    [Fact]
    public void SkipTwoHeaderRowsRepeatedInATextExport()
    {
        var text = "2025年民生实事\n\n" + TestDocuments.CellPerLine(
            ["序号", "项目名称", "建设内容", "责任单位", "完成时限"],
            ["", "", "", "牵头单位", "配合单位", ""],
            ["1", "背街小巷整治", "整治背街小巷20条。", "县城管局", "县住建局", "2025年10月"],
            ["序号", "项目名称", "建设内容", "责任单位", "完成时限"],
            ["", "", "", "牵头单位", "配合单位", ""],
            ["2", "学前教育扩容", "新建幼儿园2所。", "县教育局", "县发改委", "2025年8月"]);
        var result = new PlanImporter().Read(TestDocuments.Utf8(text), "plan.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["1", "2"], result.Draft!.Projects.Select(p => p.Sequence));
        Assert.Equal(["县发改委"], result.Draft.Projects[1].CoUnits);
        Assert.DoesNotContain(result.Warnings, w => w.Code is "row.misaligned" or "row.incomplete");
    }

    [Fact]
    public void FoldAMergedHeaderInATabDelimitedExport()
    {
        const string text = "2025年民生实事\n序号\t项目名称\t建设内容\t责任单位\t\t计划投资（万元）\n\t\t\t牵头单位\t配合单位\t\n"
            + "1\t社区食堂\t建成社区食堂8个。\t县民政局\t县商务局\t320\n";
        var project = TestDocuments.ImportOk(TestDocuments.Utf8(text), "plan.txt").Projects.Single();
        Assert.Equal(["县民政局"], project.LeadUnits);
        Assert.Equal(["县商务局"], project.CoUnits);
        Assert.Equal(3_200_000m, project.InvestmentYuan);
    }

    [Fact]
    public void NotTakeASectionRowUnderTheHeaderForASubHeader()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["民生实事项目（省定）", "", "", ""],
            ["1", "老年食堂建设", "建成老年食堂6个。", "县民政局"],
        ], "A2:D2");
        var project = TestDocuments.ImportOk(sheet, "sections.xlsx", 2025).Projects.Single();
        Assert.Equal("老年食堂建设", project.Name);
        Assert.Equal("民生实事项目（省定）", project.Section);
    }

    [Fact]
    public void FoldAnUnknownSpanningHeaderKeepingItsSubColumnsAsExtraFields()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "资金筹措", "<", "牵头单位"],
            ["^", "^", "^", "上级资金", "县级配套", "^"],
            ["1", "农村公路养护", "养护农村公路60公里。", "300万元", "120万元", "县交通局"],
        ]);
        var result = new PlanImporter().Read(docx, "funds.docx");
        var project = result.Draft!.Projects.Single();
        Assert.Equal(["县交通局"], project.LeadUnits);
        Assert.Equal("300万元", project.ExtraFields["资金筹措/上级资金"]);
        Assert.Equal("120万元", project.ExtraFields["资金筹措/县级配套"]);
    }

    [Fact]
    public void FoldTwoSpanningHeadersOfATextExport()
    {
        var text = "2025年民生实事\n\n" + TestDocuments.CellPerLine(
            ["序号", "项目名称", "建设内容", "完成时限", "责任单位"],
            ["", "", "", "开工时间", "完工时间", "牵头单位", "配合单位"],
            ["1", "背街小巷整治", "整治背街小巷20条。", "2025年3月", "2025年10月", "县城管局", "县住建局"]);
        var project = TestDocuments.ImportOk(TestDocuments.Utf8(text), "plan.txt").Projects.Single();
        Assert.Equal("2025年3月", project.ExtraFields["完成时限/开工时间"]);
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.Month), project.Deadline);
        Assert.Equal(["县城管局"], project.LeadUnits);
        Assert.Equal(["县住建局"], project.CoUnits);
    }
}
