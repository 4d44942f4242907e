using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests.Seeds;

/// <summary>
/// Seed 003: a 文件 with document number, a seven-column annex with month-by-month milestones in 完成时限, header rows
/// repeated on every page, a project continued after a repeated header, and (一)(二) sections inside cells.
/// </summary>
public sealed class Seed003Should
{
    private static readonly PlanDraft Draft = SeedDocuments.Import("003");

    private static ProjectDraft Project(string sequence) => Draft.AllProjects().Single(p => p.Sequence == sequence);

    [Fact]
    public void ReadTheNoticeMetadata()
    {
        Assert.Equal("泾政办发〔2023〕4号", Draft.DocumentNumber);
        Assert.Equal("泾源县人民政府办公室", Draft.Issuer);
        Assert.Equal("关于印发2023年民生实事的通知", Draft.Title);
        Assert.Equal(new DateOnly(2023, 1, 31), Draft.IssuedOn);
        Assert.Equal(2023, Draft.Year);
        Assert.Equal("2023年民生实事已经县人民政府研究同意", Draft.Approval);
        Assert.Equal("此件公开发布", Draft.Metadata["publication"]);
    }

    public static TheoryData<string, string, string, string> Leaves => new()
    {
        // sequence, name, lead unit, leader
        { "1", "冬季清洁取暖工程", "住房和城乡建设局", "王继讲" },
        { "2", "城市基础设施补短板工程", "住房和城乡建设局", "王继讲" },
        { "3(1)", "农村人居环境提升工程", "农业农村局", "任伟" },
        { "3(2)", "农村人居环境提升工程", "交通运输局", "王继讲" },
        { "3(3)", "农村人居环境提升工程", "水务局", "王继讲" },
        { "4", "办学条件改善工程", "教育体育局", "李静" },
        { "5(1)", "医疗健康保障提升工程", "卫生健康局", "王继讲" },
        { "5(2)", "医疗健康保障提升工程", "医疗保障局", "王继讲" },
        { "6", "群众就业稳岗提升工程", "人力资源和社会保障局", "李静" },
        { "7(1)", "基本民生保障提升工程", "残疾人联合会", "李静" },
        { "7(2)", "基本民生保障提升工程", "人力资源和社会保障局", "李静" },
        { "8", "群众文体生活提升工程", "文化旅游广电局", "李静" },
        { "9", "法律援助质量提升工程", "司法局", "张怀彪" },
        { "10", "政务惠企便民服务提升工程", "审批服务管理局", "王继讲" },
    };

    [Theory]
    [MemberData(nameof(Leaves))]
    public void ReadEveryRowWithItsUnitAndLeader(string sequence, string name, string lead, string leader)
    {
        var project = Project(sequence);
        Assert.Equal(name, project.Name);
        Assert.Equal([lead], project.LeadUnits);
        Assert.Equal(leader, project.ResponsibleLeader);
        Assert.Null(project.Remarks);
    }

    [Fact]
    public void SkipRepeatedHeadersAndJoinTheContinuedProject()
    {
        Assert.Equal(10, Draft.Projects.Count);
        Assert.Equal(17, Draft.AllProjects().Count());
        Assert.Equal(["3(1)", "3(2)", "3(3)"], Project("3").SubItems.Select(s => s.Sequence));
        Assert.DoesNotContain(Draft.AllProjects(), p => p.Name == "实事名称");
    }

    [Fact]
    public void ReadDeadlinesAsTheLastMilestone()
    {
        Assert.Equal(Deadline.Of(2023, 5, DatePrecision.EarlyMonth), Project("1").Deadline);
        Assert.Equal(new DateOnly(2023, 5, 10), Project("1").Deadline!.Value.Date);
        Assert.Equal(Deadline.Of(2023, 7, DatePrecision.EndOfMonth), Project("2").Deadline);
        Assert.Equal(Deadline.Of(2023, 11, DatePrecision.EndOfMonth), Project("3").Deadline);
        Assert.Equal(Deadline.Of(2023, 10, DatePrecision.EarlyMonth), Project("3(3)").Deadline);
        Assert.Equal(Deadline.Of(2023, 12, DatePrecision.EarlyMonth), Project("7(1)").Deadline);
    }

    [Fact]
    public void ReadMonthByMonthMilestonesWithPrecision()
    {
        var works = Project("2").Milestones;
        Assert.Equal(6, works.Count);
        Assert.Equal(Deadline.Of(2023, 3, DatePrecision.MidMonth), works[1].Due);
        Assert.Equal(new DateOnly(2023, 3, 20), works[1].Due.Date);
        Assert.Equal("3月中旬，开工建设；", works[1].Text);
        Assert.All(works, m => Assert.Null(m.TargetIndex));
    }

    [Fact]
    public void LinkCumulativeFiguresToTheTargetTheyAdvance()
    {
        var toilets = Project("3(1)");
        Seed000Should.AssertTargets(toilets, (Comparator.Exactly, 1310, "座"), (Comparator.Exactly, 15, "个"));
        var july = toilets.Milestones.Single(m => m.Text.Contains("900座"));
        Assert.Equal((0, 900m), (july.TargetIndex!.Value, july.CumulativeValue!.Value));
        Assert.Equal("（二）农村户厕改造", july.Section);
        var villages = toilets.Milestones.Single(m => m.Text.StartsWith("7月底，完成15个", StringComparison.Ordinal));
        Assert.Equal(1, villages.TargetIndex);

        var legalAid = Project("9");
        Assert.Equal([60m, 120m, 180m, 240m], legalAid.Milestones.Select(m => m.CumulativeValue!.Value));
        Assert.All(legalAid.Milestones, m => Assert.Equal(0, m.TargetIndex));
    }

    [Fact]
    public void SplitAMilestoneLineThatAdvancesSeveralTargets()
    {
        var jobs = Project("6");
        Assert.Equal(7, jobs.Targets.Count);
        Assert.Equal(22000, jobs.Targets[6].Value);
        Assert.Equal("人次", jobs.Targets[6].Unit);
        var march = jobs.Milestones.Where(m => m.Due == Deadline.Of(2023, 3, DatePrecision.EndOfMonth)).ToList();
        Assert.Equal(7, march.Count);
        Assert.Equal([100m, 200m, 50m, 20m, 20m, 50m, 8000m], march.Select(m => m.CumulativeValue!.Value));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], march.Select(m => m.TargetIndex!.Value));
        Assert.Equal("3月底，发放创业担保贷款200万元", march[1].Text);
    }

    [Fact]
    public void AddTargetsStatedOnlyInTheDeadlineColumn()
    {
        var screening = Project("5(1)");
        Assert.Equal([3800m, 800m, 350m], screening.Targets.Take(3).Select(t => t.Value));
        Assert.Equal("名", screening.Targets[0].Unit);
        var prenatal = screening.Targets.FindIndex(t => t.Unit == "人次" && t.Value == 800);
        Assert.True(prenatal > 2);
        Assert.Contains(screening.Targets, t => t.Unit == "%" && t.Value == 80 && t.Comparator == Comparator.AtLeast);
        var women = screening.Milestones.Where(m => m.TargetIndex == 0).Select(m => m.CumulativeValue!.Value);
        Assert.Equal([1140m, 2660m, 3800m], women);
        var prenatalSteps = screening.Milestones.Where(m => m.TargetIndex == prenatal).Select(m => m.CumulativeValue!.Value);
        Assert.Equal([200m, 240m, 560m, 800m], prenatalSteps);
    }

    [Fact]
    public void NotTakeAgesRatesOrFromValuesForTargets()
    {
        // 35-64岁 and 0-6岁 are ages; 分别按100%和80%救助 is a payment rule; 由8万元 is where a limit starts.
        Assert.DoesNotContain(Project("5(1)").Targets, t => t.Value is 35 or 64);
        Seed000Should.AssertTargets(Project("5(2)"), (Comparator.Reach, 16, "万元"));
        Seed000Should.AssertTargets(Project("7(1)"), (Comparator.Exactly, 20, "名"));
        Seed000Should.AssertTargets(Project("1"), (Comparator.Exactly, 954, "户"), (Comparator.About, 250, "户"));
    }

    [Fact]
    public void UseTheUnitDirectoryToCanonicaliseAliases()
    {
        var units = new UnitDirectory([new KeyValuePair<string, IEnumerable<string>>("县住房和城乡建设局", ["住房和城乡建设局", "县住建局"])]);
        var draft = SeedDocuments.Import("003", new ImportOptions { Units = units });
        Assert.Equal(["县住房和城乡建设局"], draft.Projects[0].LeadUnits);
    }
}
