using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>
/// The extraction misses of issue #15: figures with 余, unit names broken over lines, place names holding numerals,
/// deadlines written as a month and a verb, disclosure actuals that were left unlinked, and cells cut before their unit.
/// </summary>
public sealed class MissClassesShould
{
    private static readonly string[] Columns = ["序号", "项目名称", "建设内容", "牵头单位", "完成时限"];

    private static ProjectDraft ImportRow(string content, string leadUnits = "县教育局", string deadline = "12月底前") =>
        TestDocuments.ImportOk(TestDocuments.Docx(["2025年民生实事清单"], [Columns, ["1", "民生项目", content, leadUnits, deadline]]), "plan.docx").Projects.Single();

    // 1. 余 and 多 after a figure

    [Theory]
    [InlineData("宣传覆盖10万余名群众", "100000", "名")]
    [InlineData("培训新型职业农民2万余名", "20000", "名")]
    [InlineData("改造农村危房500余户", "500", "户")]
    [InlineData("撬动社会资金300余万元", "300", "万元")]
    [InlineData("新增公共停车位200多个", "200", "个")]
    public void ReadAFigureWithYuAsAtLeast(string text, string value, string unit)
    {
        var target = Assert.Single(QuantityParser.Parse(text));
        Assert.Equal(Comparator.AtLeast, target.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
    }

    [Fact]
    public void KeepYuInTheSourcePhrase()
    {
        var target = Assert.Single(QuantityParser.Parse("惠及群众10万余名"));
        Assert.Equal("10万余名", target.SourcePhrase);
    }

    // 2. Unit names broken over lines

    [Theory]
    [InlineData("县住房和城乡\n建设局", new[] { "县住房和城乡建设局" })]
    [InlineData("县人力资源和社会\n保障局", new[] { "县人力资源和社会保障局" })]
    [InlineData("县住房和城乡\n建设局、县财政局", new[] { "县住房和城乡建设局", "县财政局" })]
    [InlineData("县财政局\n县民政局", new[] { "县财政局", "县民政局" })]
    [InlineData("各乡镇\n县水利局", new[] { "各乡镇", "县水利局" })]
    public void JoinAUnitNameBrokenWhereTheFirstPieceIsNoUnit(string cell, string[] expected)
    {
        var project = ImportRow("新建公园5个。", cell);
        Assert.Equal(expected, project.LeadUnits);
    }

    [Fact]
    public void JoinABrokenUnitNameTheDirectoryDoesNotKnow()
    {
        var options = new ImportOptions { Units = new KnownUnits("县财政局", "县民政局") };
        var docx = TestDocuments.Docx(["2025年民生实事清单"], [Columns, ["1", "民生项目", "新建公园5个。", "县住房和城乡\n建设局\n县财政局", "12月底前"]]);
        Assert.Equal(["县住房和城乡建设局", "县财政局"], TestDocuments.ImportOk(docx, "plan.docx", options: options).Projects.Single().LeadUnits);
    }

    private sealed class KnownUnits(params string[] names) : IUnitDirectory
    {
        public string? Resolve(string name) => names.Contains(name) ? name : null;
        public IReadOnlyCollection<string> KnownNames => names;
    }

    [Fact]
    public void JoinAUnitLineOfADisclosureThatWrapped()
    {
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8("""
            清河县2024年重点民生实事完成情况
            一、县定民生实事
            1.改造农村危房。改造农村危房120户。
            责任单位：县财政局、县住房和城乡
            建设局
            完成情况：改造农村危房126户。
            2.建设口袋公园。新建口袋公园3个。
            责任单位：县城管局
            公园选址已全部落实。
            完成情况：新建口袋公园3个。
            """), "完成情况.txt");
        Assert.Equal(["县财政局", "县住房和城乡建设局"], draft.Projects[0].LeadUnits);
        Assert.Equal(126m, draft.Projects[0].Targets.Single().Actual);
        Assert.Equal(["县城管局"], draft.Projects[1].LeadUnits);
        Assert.Contains("公园选址已全部落实", draft.Projects[1].Content);
    }

    // 3. Place names, ages, years and document numbers

    [Theory]
    [InlineData("改造五台山路人行道")]
    [InlineData("打通三门峡路至七里河段")]
    [InlineData("九龙街道老旧小区改造")]
    [InlineData("六中、三中新建食堂")]
    [InlineData("第五幼儿园改扩建")]
    [InlineData("推行一村一场模式")]
    [InlineData("为60岁以上老年人免费体检")]
    [InlineData("2024年启动建设")]
    [InlineData("依据县政办发〔2023〕4号文件")]
    [InlineData("七台河路延伸至三台县界")]
    [InlineData("九眼桥片区改造")]
    [InlineData("五家渠路口改造")]
    [InlineData("九台区老旧管网改造")]
    public void FindNoTargetInPlaceNames(string text) => Assert.Empty(QuantityParser.Parse(text));

    [Theory]
    [InlineData("更换两台区级应急发电设备", "2", "台")]
    [InlineData("扶持五家山庄民宿提档升级", "5", "家")]
    [InlineData("新增三家区属托育机构", "3", "家")]
    public void StillReadACountWhereTheMeasureWordIsNoPartOfAName(string text, string value, string unit)
    {
        var target = Assert.Single(QuantityParser.Parse(text));
        Assert.Equal((decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit), (target.Value, target.Unit));
    }

    [Fact]
    public void StillFindTheRealTargetsBesidePlaceNames()
    {
        var targets = QuantityParser.Parse("2024年改造五台山路、七里河路等道路3条，为六中、三中新建食堂两座，为九龙街道60岁以上老人体检1200人，更换五台供水设备。");
        Assert.Equal([(3m, "条"), (2m, "座"), (1200m, "人"), (5m, "台")], targets.Select(t => (t.Value, t.Unit)));
    }

    // 4. Deadlines written as a month and a verb

    [Theory]
    [InlineData("9月投入使用", 9, DatePrecision.Month)]
    [InlineData("5月底前动工", 5, DatePrecision.EndOfMonth)]
    [InlineData("12月底前", 12, DatePrecision.EndOfMonth)]
    [InlineData("年底前", 12, DatePrecision.Year)]
    [InlineData("6月中旬前完工", 6, DatePrecision.MidMonth)]
    [InlineData("计划9月投入使用", 9, DatePrecision.Month)]
    [InlineData("2025年9月投入使用", 9, DatePrecision.Month)]
    public void ReadADeadlineWrittenAsAMonthAndAVerb(string cell, int month, DatePrecision precision)
    {
        var project = ImportRow("新建公园5个。", deadline: cell);
        Assert.Equal(Deadline.Of(2025, month, precision), project.Deadline);
        Assert.Equal(cell, project.DeadlineText);
        if (project.Milestones.Count > 0) Assert.Equal(cell, Assert.Single(project.Milestones).Text);
    }

    [Fact]
    public void DateEachClauseOfASentenceWithTwoDatesByItsOwnDate()
    {
        var project = ImportRow("新建口袋公园5个，5月底前动工，12月底前完工。", deadline: "");
        Assert.Equal(Deadline.Of(2025, 12, DatePrecision.EndOfMonth), project.Deadline);
        Assert.Equal([(Deadline.Of(2025, 5, DatePrecision.EndOfMonth), "新建口袋公园5个，5月底前动工"), (Deadline.Of(2025, 12, DatePrecision.EndOfMonth), "12月底前完工。")],
            project.Milestones.Select(m => (m.Due, m.Text)));
    }

    [Fact]
    public void ReadTwoDatedStepsInOneDeadlineCell()
    {
        var project = ImportRow("新建口袋公园5个。", deadline: "5月底前动工，9月投入使用");
        Assert.Equal(Deadline.Of(2025, 9, DatePrecision.Month), project.Deadline);
        Assert.Equal(["5月底前动工", "9月投入使用"], project.Milestones.Select(m => m.Text));
    }

    [Fact]
    public void KeepAMonthRangeInOneClauseAsOneStep()
    {
        var project = ImportRow("3月至5月开展隐患排查，新建口袋公园5个。", deadline: "");
        Assert.Equal("3月至5月开展隐患排查，新建口袋公园5个。", Assert.Single(project.Milestones).Text);
    }

    // 5. Disclosure actuals

    private static PlanDraft ReadDisclosure(string item, string completion) =>
        TestDocuments.ImportOk(TestDocuments.Utf8($"""
            清河县2024年重点民生实事完成情况
            一、县定民生实事
            1.{item}
            责任单位：县住建局
            完成情况：{completion}
            """), "完成情况.txt");

    [Fact]
    public void LinkAnActualCountedWithAnotherMeasureWord()
    {
        var target = Assert.Single(ReadDisclosure("改扩建学校。改扩建城区学校4所。", "4个项目已全部竣工并投入使用。").Projects[0].Targets);
        Assert.Equal((4m, 1m), (target.Actual!.Value, target.CompletionRatio!.Value));
    }

    [Fact]
    public void NotLinkACountOfAnotherKindToPeopleOrMoney()
    {
        var targets = ReadDisclosure("免费体检。为老人免费体检5000人，投入资金200万元。", "4个乡镇已全部完成。").Projects[0].Targets;
        Assert.All(targets, t => Assert.Null(t.Actual));
    }

    [Fact]
    public void LinkSeveralFiguresOfOneCompletionTextToTheirTargets()
    {
        var targets = ReadDisclosure("建设城市公园。新建口袋公园3个，改造街头游园5个，铺设绿道12公里，投入资金800万元。",
            "共铺设绿道13.5公里，新建口袋公园4个、改造街头游园5个，完成投资0.1亿元。").Projects[0].Targets;
        Assert.Equal([4m, 5m, 13.5m, 1000m], targets.Select(t => t.Actual));
    }

    [Fact]
    public void LinkFiguresInOrderWhenTheirWordingDoesNotTell()
    {
        var targets = ReadDisclosure("实施两项改造。完成甲类任务3个，完成乙类任务5个。", "分别完成4个、6个。").Projects[0].Targets;
        Assert.Equal([4m, 6m], targets.Select(t => t.Actual));
    }

    [Fact]
    public void LetEachFigureGoToTheTargetItMatchesBest()
    {
        var targets = ReadDisclosure("改造小区。改造小区3个，改造小区管网5个。", "改造小区管网6个，另改造小区4个。").Projects[0].Targets;
        Assert.Equal([4m, 6m], targets.Select(t => t.Actual));
    }

    [Fact]
    public void NotRecordARatioThatSpeaksOfAnotherFigure()
    {
        var targets = ReadDisclosure("开展技能培训。全年培训4000人次，新建实训基地2个。", "全年培训8000人次，完成年度目标任务的200%。").Projects[0].Targets;
        Assert.Equal(8000m, targets[0].Actual);
        Assert.Null(targets[1].Actual);
        Assert.Null(targets[1].CompletionRatio);
    }

    [Fact]
    public void CompareAnActualScaledByYiWithATargetInYi()
    {
        var target = Assert.Single(ReadDisclosure("扩大有效投资。全年完成民生领域投资3亿元以上。", "全年完成民生领域投资4.75亿元。").Projects[0].Targets);
        Assert.Equal(Comparator.AtLeast, target.Comparator);
        Assert.Equal(300_000_000m, TargetInYuan(target.Value, target.Unit));
        Assert.Equal(475_000_000m, TargetInYuan(target.Actual!.Value, target.Unit));
        Assert.Equal(1.5833m, target.CompletionRatio);
    }

    [Fact]
    public void CompareAnActualInWanWithATargetInYi()
    {
        var target = Assert.Single(ReadDisclosure("扩大有效投资。全年完成民生领域投资3亿元以上。", "全年完成民生领域投资47500万元。").Projects[0].Targets);
        Assert.Equal(475_000_000m, TargetInYuan(target.Actual!.Value, target.Unit));
    }

    private static decimal TargetInYuan(decimal value, string unit) => unit switch
    {
        "亿元" => value * 100_000_000m, "万元" => value * 10_000m, _ => value,
    };

    [Theory]
    [InlineData("全年培训8000人次，完成年度目标任务的187.5%。")]
    [InlineData("培训8000人次，完成年度民生实事目标任务的187.5%。")]
    [InlineData("培训8000人次，为年度计划的187.5%。")]
    public void NotTakeAStatedRatioForTheActual(string completion)
    {
        var targets = ReadDisclosure("开展技能培训。全年培训4000人次，培训合格率达到90%。", completion).Projects[0].Targets;
        Assert.Equal(8000m, targets[0].Actual);
        Assert.Equal(2m, targets[0].CompletionRatio);
        Assert.Null(targets[1].Actual);
    }

    [Fact]
    public void RecordAStatedRatioWhenNoFigureIsGiven()
    {
        var target = Assert.Single(ReadDisclosure("开展技能培训。全年培训4000人次。", "超额完成，完成年度目标任务的187.5%。").Projects[0].Targets);
        Assert.Null(target.Actual);
        Assert.Equal(1.875m, target.CompletionRatio);
    }

    // 6. A cell cut before its unit

    [Fact]
    public void JoinANumberAtALineEndToTheUnitStartingTheNextLine()
    {
        var project = ImportRow("为全县适龄儿童免费实施窝沟封闭4000\n颗，开展口腔检查6000\n人次。");
        TargetAssert.Targets(project, (Comparator.Exactly, 4000m, "颗"), (Comparator.Exactly, 6000m, "人次"));
    }

    [Fact]
    public void KeepLinesApartWhenTheNextStartsWithAWordNotAUnit()
    {
        var project = ImportRow("1.改造小区12\n个。\n2.新建公园3\n处\n3\n项目年底完成");
        TargetAssert.Targets(project, (Comparator.Exactly, 12m, "个"), (Comparator.Exactly, 3m, "处"));
    }
}
