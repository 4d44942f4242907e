using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

public sealed class XlsxImportShould
{
    private static byte[] Sheet() => TestDocuments.Xlsx(
    [
        ["城关镇2024年民生实事台账", "", "", "", "", "", ""],
        ["填报单位：城关镇人民政府", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["项目名称", "序号", "完成时限", "建设内容", "计划投资", "责任单位", "备注"],
        ["背街小巷改造", "1", "2024年11月", "改造背街小巷15条，铺设管网3.5公里。", "1500万元", "镇规划办、镇财政所", ""],
        ["饮水安全提升", "2", "6月底", "（1）新建水厂1座。", "0.3亿元", "镇水利站", "续建"],
        ["", "", "9月底", "（2）更换供水管道不少于40公里。", "", "镇水利站", ""],
        ["文体活动", "3", "12月", "开展送戏下乡不少于60场次。", "", "镇文化站", ""],
    ], "A6:A7", "B6:B7");

    [Fact]
    public void FindTheHeaderBelowTheTitleRows()
    {
        var result = new PlanImporter().Read(Sheet(), "台账.xlsx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("xlsx", result.DetectedFormat);
        Assert.Null(result.DetectedEncoding);
        var draft = result.Draft!;
        Assert.Equal("城关镇2024年民生实事台账", draft.Title);
        Assert.Equal(2024, draft.Year);
        Assert.Equal(3, draft.Projects.Count);
    }

    [Fact]
    public void ReadEachColumnByItsHeader()
    {
        var alleys = TestDocuments.ImportOk(Sheet(), "a.xlsx").Projects[0];
        Assert.Equal("1", alleys.Sequence);
        Assert.Equal("背街小巷改造", alleys.Name);
        Assert.Equal(15_000_000m, alleys.InvestmentYuan);
        Assert.Equal(["镇规划办", "镇财政所"], alleys.LeadUnits);
        Assert.Equal(Deadline.Of(2024, 11, DatePrecision.Month), alleys.Deadline);
        TargetAssert.Targets(alleys, (Comparator.Exactly, 15m, "条"), (Comparator.Exactly, 3.5m, "公里"));
    }

    [Fact]
    public void ReadMergedCellsAsSubItems()
    {
        var water = TestDocuments.ImportOk(Sheet(), "a.xlsx").Projects[1];
        Assert.Equal(["2(1)", "2(2)"], water.SubItems.Select(s => s.Sequence));
        Assert.Equal(30_000_000m, water.SubItems[0].InvestmentYuan);
        Assert.Equal("续建", water.SubItems[0].Remarks);
        TargetAssert.Targets(water.SubItems[1], (Comparator.AtLeast, 40m, "公里"));
        Assert.Equal(Deadline.Of(2024, 9, DatePrecision.EndOfMonth), water.Deadline);
    }

    [Fact]
    public void PointWarningsAtTheSheetRowAndCell()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["序号", "项目名称", "建设内容", "计划投资", "主办单位"],
            ["1", "口袋公园", "新建口袋公园5个。", "待定", "县园林中心"],
        ]);
        var result = new PlanImporter().Read(sheet, "b.xlsx", fallbackYear: 2025);
        var warning = Assert.Single(result.Warnings, w => w.Code == "investment.text");
        Assert.Equal("sheet '清单', row 2, cell D", warning.Location);
        Assert.Equal(2025, result.Draft!.Year);
    }
}
