using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Text exports that lost a cell in the middle of a row: cells are moved only where their content says so.</summary>
public sealed class ShiftedRowsShould
{
    private static readonly string[] Header = ["序号", "项目名称", "建设内容", "计划投资", "牵头单位", "完成时限"];

    private static ImportResult Import(params string[][] rows) =>
        new PlanImporter().Read(TestDocuments.Utf8("2025年民生实事\n\n" + TestDocuments.CellPerLine(Header, rows)), "plan.txt");

    [Fact]
    public void PlaceAUnitListAndADateUnderTheirColumnsWhenTheInvestmentIsMissing()
    {
        var result = Import(
            ["1", "燃气管网改造", "改造燃气管网18公里。", "500万元", "县住建局", "2025年10月"],
            ["2", "校舍维修", "维修校舍12所。", "县教育局、县财政局", "2025年8月"],
            ["3", "村卫生室提升", "提升村卫生室20个。", "80万元", "县卫健委", "2025年9月"]);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var schools = result.Draft!.Projects[1];
        Assert.Null(schools.InvestmentText);
        Assert.Equal(["县教育局", "县财政局"], schools.LeadUnits);
        Assert.Equal(Deadline.Of(2025, 8, DatePrecision.Month), schools.Deadline);
        var warning = Assert.Single(result.Warnings, w => w.Code == "row.realigned");
        Assert.Contains("'计划投资'", warning.Message);
        Assert.DoesNotContain(result.Warnings, w => w.Code == "row.incomplete");
        Assert.Equal(["县卫健委"], result.Draft.Projects[2].LeadUnits);
    }

    [Fact]
    public void PlaceAnAmountUnderTheInvestmentWhenTheContentIsMissing()
    {
        var result = Import(
            ["1", "燃气管网改造", "改造燃气管网18公里。", "500万元", "县住建局", "2025年10月"],
            ["2", "城区绿道", "1200万元", "县林业局", "年底前"]);
        var greenway = result.Draft!.Projects[1];
        Assert.Null(greenway.Content);
        Assert.Equal(12_000_000m, greenway.InvestmentYuan);
        Assert.Equal(["县林业局"], greenway.LeadUnits);
        Assert.Equal(Deadline.Of(2025, 12, DatePrecision.Year), greenway.Deadline);
        Assert.Contains(result.Warnings, w => w.Code == "row.realigned" && w.Message.Contains("'建设内容'"));
    }

    [Fact]
    public void KeepTheWarningWhenTheContentDoesNotSayWhereItBelongs()
    {
        // The missing cell could be the investment or the deadline: nothing in the row tells which.
        var result = Import(
            ["1", "燃气管网改造", "改造燃气管网18公里。", "500万元", "县住建局", "2025年10月"],
            ["2", "城区绿道", "新建绿道12公里。", "待定", "县林业局"]);
        var greenway = result.Draft!.Projects[1];
        Assert.Equal("待定", greenway.InvestmentText);
        Assert.Equal(["县林业局"], greenway.LeadUnits);
        Assert.Contains(result.Warnings, w => w.Code == "row.incomplete");
        Assert.DoesNotContain(result.Warnings, w => w.Code == "row.realigned");
    }

    [Fact]
    public void LeaveTrailingGapsAtTheEnd()
    {
        var result = Import(
            ["1", "燃气管网改造", "改造燃气管网18公里。", "500万元", "县住建局"],
            ["2", "城区绿道", "新建绿道12公里。", "300万元", "县林业局", "2025年11月"]);
        var gas = result.Draft!.Projects[0];
        Assert.Equal(["县住建局"], gas.LeadUnits);
        Assert.Equal(5_000_000m, gas.InvestmentYuan);
        Assert.Contains(result.Warnings, w => w.Code == "row.incomplete");
        Assert.Equal(["县林业局"], result.Draft.Projects[1].LeadUnits);
    }

    [Fact]
    public void RealignARowOfATabDelimitedExport()
    {
        const string text = "2025年民生实事\n序号\t项目名称\t建设内容\t计划投资\t牵头单位\t完成时限\n"
            + "1\t燃气管网改造\t改造燃气管网18公里。\t县住建局\t2025年10月\n";
        var result = new PlanImporter().Read(TestDocuments.Utf8(text), "plan.txt");
        var gas = result.Draft!.Projects.Single();
        Assert.Equal(["县住建局"], gas.LeadUnits);
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.Month), gas.Deadline);
        Assert.Null(gas.InvestmentText);
        Assert.Contains(result.Warnings, w => w.Code == "row.realigned");
    }

    [Fact]
    public void CutAShortRowAtAProjectNumberedInWords()
    {
        var result = Import(
            ["一、", "燃气管网改造", "改造燃气管网18公里。", "县住建局", "2025年10月"],
            ["二、", "城区绿道", "新建绿道12公里。", "300万元", "县林业局", "2025年11月"]);
        Assert.Equal(["一", "二"], result.Draft!.Projects.Select(p => p.Sequence));
        Assert.Equal(["县住建局"], result.Draft.Projects[0].LeadUnits);
        Assert.Equal(["县林业局"], result.Draft.Projects[1].LeadUnits);
    }
}
