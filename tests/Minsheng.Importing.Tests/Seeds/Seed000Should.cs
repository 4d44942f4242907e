using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests.Seeds;

/// <summary>Seed 000: a county notice with a six-column annex (序号 项目名称 建设内容 计划投资 责任指挥部 责任单位).</summary>
public sealed class Seed000Should
{
    private static readonly PlanDraft Draft = SeedDocuments.Import("000");

    [Fact]
    public void ReadTheNoticeAroundTheTable()
    {
        Assert.Equal("关于2024年县重点民生实事任务责任分解的通知", Draft.Title);
        Assert.Equal("潢川县人民政府", Draft.Issuer);
        Assert.Equal(2024, Draft.Year);
        Assert.Equal("经县政府研究同意", Draft.Approval);
        Assert.Null(Draft.DocumentNumber);
        Assert.Equal(PlanKind.Plan, Draft.Kind);
    }

    public static TheoryData<string, string, string, string, string?> Projects => new()
    {
        // sequence, name, lead units (、), headquarters, investment in yuan
        { "1", "建设美好邻里中心", "县民政局", "品质生活指挥部", "10000000" },
        { "2", "加强雨污水管网建设", "县住建局", "城市建设指挥部", "21000000" },
        { "3", "改善基础教育学校办学条件", "县教体局", "品质生活指挥部", "105000000" },
        { "4", "开展城镇老旧小区改造", "县住建局", "城市建设指挥部", "38510000" },
        { "5", "开展农村道路交通安全隐患排查治理", "县公安局、县交通运输局", "交旅文创指挥部", "4000000" },
        { "6", "推进新型文化空间建设", "县文广旅局", "交旅文创指挥部", "60000000" },
        { "7", "提升中心城区供水质量", "县住建局", "城市建设指挥部", "55000000" },
        { "8", "推进汽车充电基础设施建设", "县城管局、县住建局", "城市建设指挥部", "7500000" },
        { "9", "建设大别山青创园区", "县商务局、县人社局", "品质生活指挥部", null },
        { "10", "城区和高新区道路联通", "县水利局、县发投公司、县住建局", "城市建设指挥部", "620000000" },
    };

    [Fact]
    public void FindTenProjectsWithoutSubItems()
    {
        Assert.Equal(10, Draft.Projects.Count);
        Assert.All(Draft.Projects, p => Assert.Empty(p.SubItems));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReadEachProjectsNameUnitsHeadquartersAndInvestment(string sequence, string name, string leads, string headquarters, string? yuan)
    {
        var project = Draft.Projects.Single(p => p.Sequence == sequence);
        Assert.Equal(name, project.Name);
        Assert.Equal(leads.Split('、'), project.LeadUnits);
        Assert.Empty(project.CoUnits);
        Assert.Equal(headquarters, project.CommandHeadquarters);
        Assert.Equal(yuan is null ? null : decimal.Parse(yuan), project.InvestmentYuan);
        Assert.Null(project.CategoryTag);
    }

    [Fact]
    public void KeepTextInvestmentAsText()
    {
        var park = Draft.Projects[8];
        Assert.Equal("已建设完成，运营中。", park.InvestmentText);
        Assert.Null(park.InvestmentYuan);
        Assert.Equal("1.05亿元", Draft.Projects[2].InvestmentText);
    }

    [Fact]
    public void ExtractTargetsWithComparators()
    {
        AssertTargets(Draft.Projects[0], (Comparator.AtLeast, 1, "所"));
        AssertTargets(Draft.Projects[1], (Comparator.AtLeast, 7, "公里"), (Comparator.AtLeast, 98, "%"));
        AssertTargets(Draft.Projects[2], (Comparator.Exactly, 7, "所"), (Comparator.Exactly, 6, "所"), (Comparator.Exactly, 3, "所"));
        AssertTargets(Draft.Projects[3], (Comparator.Exactly, 7, "个"));
        AssertTargets(Draft.Projects[4], (Comparator.AtLeast, 10, "场"));
        AssertTargets(Draft.Projects[5], (Comparator.Exactly, 5, "家"), (Comparator.Reach, 50, "家"));
        AssertTargets(Draft.Projects[6], (Comparator.Exactly, 2, "处"), (Comparator.Exactly, 44.8m, "公里"));
        AssertTargets(Draft.Projects[7], (Comparator.AtLeast, 150, "个"));
        AssertTargets(Draft.Projects[8]);
        AssertTargets(Draft.Projects[9], (Comparator.Exactly, 6, "条"));
    }

    [Fact]
    public void LabelTargetsWithTheirClause()
    {
        var sewer = Draft.Projects[1].Targets;
        Assert.Equal("全县新建改造主次干道雨污水管网7公里以上", sewer[0].Label);
        Assert.Equal("7公里以上", sewer[0].SourcePhrase);
        Assert.Equal("确保污水处理率达98%以上", sewer[1].Label);
        Assert.Equal("不少于10场", Draft.Projects[4].Targets[0].SourcePhrase);
    }

    [Fact]
    public void DateTheYearEndGoalInTheContent()
    {
        var culture = Draft.Projects[5];
        var milestone = Assert.Single(culture.Milestones);
        Assert.Equal(new Deadline(new DateOnly(2024, 12, 31), DatePrecision.Year), milestone.Due);
        Assert.Equal(1, milestone.TargetIndex);
        Assert.Equal(50, milestone.CumulativeValue);
        Assert.Equal(milestone.Due, culture.Deadline);
    }

    [Fact]
    public void WarnAboutTheProjectWithoutFigures()
    {
        var result = new PlanImporter().Read(SeedDocuments.Bytes("000"), "000.txt");
        Assert.Contains(result.Warnings, w => w.Code == "project.no-targets" && w.Message.Contains("建设大别山青创园区"));
        Assert.Contains(result.Warnings, w => w.Code == "investment.text" && w.Location!.StartsWith("line ", StringComparison.Ordinal));
        Assert.Equal("utf-8", result.DetectedEncoding);
        Assert.Equal("text", result.DetectedFormat);
    }

    internal static void AssertTargets(ProjectDraft project, params (Comparator Comparator, decimal Value, string Unit)[] expected) =>
        Assert.Equal(expected, project.Targets.Select(t => (t.Comparator, t.Value, t.Unit)).ToArray());
}
