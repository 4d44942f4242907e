using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests.Seeds;

/// <summary>Seed 002: two annex tables (provincial/municipal and district), sub-item rows without a number, 认定单位.</summary>
public sealed class Seed002Should
{
    private static readonly PlanDraft Draft = SeedDocuments.Import("002");

    private static ProjectDraft Project(int table, string sequence) =>
        Draft.Projects.Where(p => p.Section == (table == 1 ? "宛城区2024年省、市重点民生实事工作任务台帐" : "2024年宛城区重点民生实事工作任务台账"))
            .Single(p => p.Sequence == sequence);

    [Fact]
    public void ReadBothTablesWithTheirCaptions()
    {
        Assert.Equal(27, Draft.Projects.Count);
        Assert.Equal(17, Draft.Projects.Count(p => p.Section == "宛城区2024年省、市重点民生实事工作任务台帐"));
        Assert.Equal(10, Draft.Projects.Count(p => p.Section == "2024年宛城区重点民生实事工作任务台账"));
        Assert.Equal(34, Draft.AllProjects().Count());
        Assert.Equal(2024, Draft.Year);
        Assert.Equal("宛城区2024年省、市重点民生实事工作任务台帐", Draft.Title);
    }

    [Fact]
    public void KeepCategoryTagsRawInNames()
    {
        Assert.Equal("开展职业技能培训和评价取证（省定）", Project(1, "1").Name);
        Assert.Equal("省定", Project(1, "1").CategoryTag);
        Assert.Equal("提高妇女、儿童和青少年健康保障水平（省定）", Project(1, "9").Name);
        Assert.Equal("市定", Project(1, "10").CategoryTag);
        Assert.Equal(9, Draft.Projects.Count(p => p.CategoryTag == "省定"));
        Assert.Equal(8, Draft.Projects.Count(p => p.CategoryTag == "市定"));
        Assert.Null(Project(2, "1").CategoryTag);
    }

    [Fact]
    public void ReadUnlabelledRowsAsSubItemsEachWithItsOwnUnits()
    {
        var health = Project(1, "9");
        Assert.Equal(["9(1)", "9(2)", "9(3)"], health.SubItems.Select(s => s.Sequence));
        Assert.Equal(["区卫健委"], health.SubItems[0].LeadUnits);
        Assert.Equal(["区残联"], health.SubItems[1].LeadUnits);
        Assert.Equal(["团区委"], health.SubItems[2].LeadUnits);
        Assert.All(health.SubItems, s => Assert.Equal(["区统计局"], s.CertificationUnits));
        Assert.Equal(["区卫健委", "区残联", "团区委"], health.LeadUnits);
        Assert.Empty(health.Targets);
        Seed000Should.AssertTargets(health.SubItems[1], (Comparator.AtLeast, 232, "人"));
        Seed000Should.AssertTargets(health.SubItems[2], (Comparator.Exactly, 25, "场"), (Comparator.Exactly, 100, "人次"), (Comparator.Exactly, 3, "人次"));

        Assert.Equal(["11(1)", "11(2)"], Project(1, "11").SubItems.Select(s => s.Sequence));
        Assert.Equal(["区中医药局", "区卫健委"], Project(1, "11").LeadUnits);
        Assert.Equal(["区宣传部", "区组织部"], Project(1, "15").SubItems.Select(s => s.LeadUnits.Single()));
    }

    [Fact]
    public void ApplyWanMultipliersAndKeepMoneyUnits()
    {
        Seed000Should.AssertTargets(Project(1, "1"), (Comparator.Exactly, 13000, "人次"), (Comparator.Exactly, 9000, "人"), (Comparator.Exactly, 5400, "人"));
        Seed000Should.AssertTargets(Project(1, "14"),
            (Comparator.Exactly, 7500, "人"), (Comparator.Exactly, 800, "人"), (Comparator.Exactly, 620, "人次"), (Comparator.Exactly, 5500, "万元"));
    }

    [Fact]
    public void ReadCeilingsRatesAndPerMille()
    {
        var subItem = Project(1, "11").SubItems[1];
        Seed000Should.AssertTargets(subItem,
            (Comparator.Exactly, 50, "台"), (Comparator.Exactly, 500, "人"), (Comparator.AtMost, 18.93m, "%"), (Comparator.AtMost, 4.3m, "‰"), (Comparator.AtMost, 5.5m, "‰"));
        Seed000Should.AssertTargets(Project(1, "3"), (Comparator.AtLeast, 6910, "户"));
        Seed000Should.AssertTargets(Project(1, "17"), (Comparator.Reach, 34, "家"));
        Seed000Should.AssertTargets(Project(1, "8"),
            (Comparator.AtLeast, 38, "个"), (Comparator.Exactly, 40, "%"), (Comparator.Exactly, 10, "%"), (Comparator.Exactly, 1, "个"));
    }

    [Fact]
    public void LeaveBreakdownsAndAgesOut()
    {
        // 620个村卫生室（含官庄工区129个、高新区5个、示范区127个）: the bracketed breakdown is no target.
        Seed000Should.AssertTargets(Project(1, "2"),
            (Comparator.Exactly, 8, "个"), (Comparator.Exactly, 32, "人"), (Comparator.Exactly, 1121, "人"), (Comparator.Exactly, 620, "个"));
        // 其中仲景街道办事处12个小区…: the 其中 clause splits the 108 already counted.
        Seed000Should.AssertTargets(Project(2, "2"),
            (Comparator.Exactly, 108, "个"), (Comparator.Exactly, 6512, "户"), (Comparator.Exactly, 283, "幢"), (Comparator.Exactly, 613816.3m, "平米"));
        // 1600元/每人/每月 is a rate.
        Seed000Should.AssertTargets(Project(2, "4"), (Comparator.Exactly, 100, "人"));
    }

    [Fact]
    public void SplitTheCoUnitColumnWhenALeadColumnExists()
    {
        Assert.Equal(["区卫健委"], Project(2, "1").LeadUnits);
        Assert.Equal(["区财政局", "区妇幼保健院", "市第二人民医院", "辖区所有助产机构"], Project(2, "1").CoUnits);
        Assert.Equal(["区教育体育局", "民政局", "财政局", "人社局", "卫健委", "医保局"], Project(2, "4").CoUnits);
        Assert.Equal(["各乡（镇）人民政府", "街道办事处", "区燃气专班成员单位"], Project(2, "8").CoUnits);
        Assert.Equal(["区统计局"], Project(2, "8").CertificationUnits);
    }

    [Fact]
    public void DateMilestonesWrittenInTheContent()
    {
        var property = Project(1, "10");
        var milestone = Assert.Single(property.Milestones);
        Assert.Equal(Deadline.Of(2024, 12, DatePrecision.EndOfMonth), milestone.Due);
        var gas = Project(2, "8");
        var yearEnd = Assert.Single(gas.Milestones);
        Assert.Equal(Deadline.Of(2024, 12, DatePrecision.Year), yearEnd.Due);
        Assert.Equal(0, yearEnd.TargetIndex);
        Assert.Equal(944, yearEnd.CumulativeValue);
    }
}
