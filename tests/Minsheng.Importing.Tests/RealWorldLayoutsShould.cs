using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Layouts seen in county notices beyond the seeds: other header words, total rows, split tables, 一、 numbering.</summary>
public sealed class RealWorldLayoutsShould
{
    [Fact]
    public void MapHeaderWordsOfOtherCounties()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["序号", "实事项目", "建设规模", "投资额（万元）", "时间节点", "牵头部门", "配合部门", "包抓领导", "资金来源"],
            ["1", "农村供水保障", "新建集中供水站4处。", "380", "2025年9月底", "县水利局", "县财政局", "赵六", "县级财政"],
        ]);
        var result = new PlanImporter().Read(sheet, "words.xlsx", 2025);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var project = result.Draft!.Projects.Single();
        Assert.Equal("农村供水保障", project.Name);
        Assert.Equal("新建集中供水站4处。", project.Content);
        Assert.Equal(3_800_000m, project.InvestmentYuan);
        Assert.Equal(Deadline.Of(2025, 9, DatePrecision.EndOfMonth), project.Deadline);
        Assert.Equal(["县水利局"], project.LeadUnits);
        Assert.Equal(["县财政局"], project.CoUnits);
        Assert.Equal("赵六", project.ResponsibleLeader);
        // 资金来源 is not an investment amount: it stays an extra field.
        Assert.Equal("县级财政", project.ExtraFields["资金来源"]);
        Assert.Contains("资金来源", Assert.Single(result.Warnings, w => w.Code == "column.unknown").Message);
    }

    [Theory]
    [InlineData("工作内容", "完成时间", "责任部门", "县级领导")]
    [InlineData("主要内容", "进度安排", "牵头部门", "分管领导")]
    [InlineData("目标任务", "时间节点", "责任单位", "包抓领导")]
    [InlineData("实施内容", "计划完成时间", "实施单位", "包联领导")]
    public void MapEachSynonymToItsColumn(string content, string deadline, string lead, string leader)
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", content, deadline, lead, leader],
            ["1", "便民市场", "新建便民市场2个。", "2025年11月", "县商务局", "钱七"],
        ]);
        var result = new PlanImporter().Read(docx, "synonyms.docx");
        Assert.DoesNotContain(result.Warnings, w => w.Code == "column.unknown");
        var project = result.Draft!.Projects.Single();
        Assert.Equal(["县商务局"], project.LeadUnits);
        Assert.Equal("钱七", project.ResponsibleLeader);
        Assert.Equal(Deadline.Of(2025, 11, DatePrecision.Month), project.Deadline);
        TargetAssert.Targets(project, (Comparator.Exactly, 2m, "个"));
    }

    [Theory]
    [InlineData("总投资（亿元）", "1.2", 120_000_000)]
    [InlineData("投资额（万元）", "1,500", 15_000_000)]
    [InlineData("计划投资(万元)", "80", 800_000)]
    [InlineData("总投资", "2600万元", 26_000_000)]
    public void TakeTheInvestmentUnitFromTheHeader(string header, string cell, long yuan)
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", header],
            ["1", "体育公园", "新建体育公园1个。", cell],
        ]);
        var result = new PlanImporter().Read(docx, "money.docx");
        Assert.Equal(yuan, result.Draft!.Projects.Single().InvestmentYuan);
        Assert.DoesNotContain(result.Warnings, w => w.Code.StartsWith("investment.", StringComparison.Ordinal));
    }

    [Fact]
    public void TakeTheAnnualInvestmentAndKeepTheTotalBesideIt()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "总投资（万元）", "年度投资（万元）"],
            ["1", "县医院门诊楼", "建成门诊楼1栋。", "9800", "3000"],
        ]);
        var result = new PlanImporter().Read(docx, "money.docx");
        var project = result.Draft!.Projects.Single();
        Assert.Equal(30_000_000m, project.InvestmentYuan);
        Assert.Equal("9800", project.ExtraFields["总投资（万元）"]);
        Assert.DoesNotContain(result.Warnings, w => w.Code is "column.duplicate" or "column.unknown");
    }

    [Fact]
    public void SkipTotalRowsAboveAndBelowTheProjects()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "计划投资（万元）", "牵头单位"],
            ["合  计", "<", "<", "5200", ""],
            ["1", "燃气管网改造", "改造燃气管网18公里。", "3200", "县住建局"],
            ["2", "城区绿道", "新建绿道12公里。", "2000", "县林业局"],
            ["", "总计", "", "5200", ""],
        ]);
        var result = new PlanImporter().Read(docx, "totals.docx");
        Assert.Equal(["1", "2"], result.Draft!.Projects.Select(p => p.Sequence));
        Assert.Empty(result.Draft.Projects.SelectMany(p => p.SubItems));
        Assert.DoesNotContain(result.Warnings, w => w.Code is "project.no-sequence" or "row.orphan" or "project.no-lead-unit");
    }

    [Fact]
    public void ContinueATableSplitAtAPageBreakWithoutItsHeader()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
        ],
        [
            ["2", "城区绿道", "新建绿道12公里。", "县林业局"],
            ["3", "公交候车亭", "新建候车亭40座。", "县交通局"],
        ]);
        var result = new PlanImporter().Read(docx, "split.docx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["1", "2", "3"], result.Draft!.Projects.Select(p => p.Sequence));
        Assert.Equal(["县交通局"], result.Draft.Projects[2].LeadUnits);
        Assert.Contains(result.Warnings, w => w.Code == "table.continued" && w.Location == "table 2");
        Assert.DoesNotContain(result.Warnings, w => w.Code == "table.not-a-plan");
    }

    [Fact]
    public void NotContinueWithATableOfOtherWidth()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
        ],
        [
            ["1", "联系人", "孙八"],
        ]);
        var result = new PlanImporter().Read(docx, "other.docx");
        Assert.Single(result.Draft!.Projects);
        Assert.Contains(result.Warnings, w => w.Code == "table.not-a-plan");
    }

    [Fact]
    public void ReadProjectsNumberedInWords()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["一、", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
            ["二、", "城区绿道", "（1）新建绿道12公里。", "县林业局"],
            ["", "", "（2）新建驿站3个。", "县文旅局"],
            ["三、", "公交候车亭", "新建候车亭40座。", "县交通局"],
        ]);
        var result = new PlanImporter().Read(docx, "words.docx");
        var draft = result.Draft!;
        Assert.Equal(["一", "二", "三"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["二(1)", "二(2)"], draft.Projects[1].SubItems.Select(s => s.Sequence));
        Assert.Equal(["县文旅局"], draft.Projects[1].SubItems[1].LeadUnits);
        // 一、 in a project row with a name and content is a number, not a section heading.
        Assert.Equal("2025年民生实事", draft.Projects[0].Section);
    }

    [Fact]
    public void ReadProjectsNumberedInWordsInATextExport()
    {
        var text = "2025年民生实事\n\n" + TestDocuments.CellPerLine(
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["一、", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
            ["二、", "城区绿道", "新建绿道12公里。", "县林业局"]);
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "plan.txt");
        Assert.Equal(["一", "二"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["县林业局"], draft.Projects[1].LeadUnits);
    }

    [Fact]
    public void TakeTheInvestmentUnitFromANoteAboveTheTable()
    {
        var docx = TestDocuments.Docx(["附件", "2025年民生实事项目清单", "单位：万元"],
        [
            ["序号", "项目名称", "建设内容", "计划投资"],
            ["1", "体育公园", "新建体育公园1个。", "650"],
        ]);
        var result = new PlanImporter().Read(docx, "unit-note.docx");
        Assert.Equal(6_500_000m, result.Draft!.Projects.Single().InvestmentYuan);
        Assert.DoesNotContain(result.Warnings, w => w.Code == "investment.no-unit");

        var sheet = TestDocuments.Xlsx(
        [
            ["2025年民生实事台账", "", "", "金额单位：亿元"],
            ["序号", "项目名称", "建设内容", "总投资"],
            ["1", "县医院新院区", "建成新院区1个。", "3.2"],
        ]);
        Assert.Equal(320_000_000m, TestDocuments.ImportOk(sheet, "unit-note.xlsx").Projects.Single().InvestmentYuan);
    }

    [Fact]
    public void SkipANoteRowUnderTheTable()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
            ["注：以上民生实事项目完成情况由县统计局于2026年1月认定。", "<", "<", "<"],
        ]);
        var result = new PlanImporter().Read(docx, "note.docx");
        var project = Assert.Single(result.Draft!.Projects);
        Assert.Empty(project.SubItems);
        Assert.DoesNotContain(result.Warnings, w => w.Code is "project.no-name" or "project.no-sequence");
    }
}
