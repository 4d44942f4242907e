using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>
/// Layouts the importer did not know (issue #15): a table recognised by its shape, one cell per line with nothing in
/// front; a completion table copied from a web page with runs of spaces between cells; the year's list inside a
/// paragraph of a work report. Each used to end in "No annex table was found". All documents here are invented.
/// </summary>
public sealed class UnseenLayoutsShould
{
    private const string OneCellPerLine = """
        清河县2025年民生实事项目安排

        经县政府常务会议研究，现将2025年民生实事项目安排如下。

        序号
        民生实事
        责任单位
        完成时限
        1
        新建城东幼儿园1所，新增学位360个
        县教育局
        9月投入使用
        2
        改造提升农村公路45公里
        县交通运输局
        12月底前
        3
        新建城北污水处理厂1座
        县住建局
        5月底前动工
        建成配套污水管网8公里
        12月底前
        4
        为全县老年人免费体检1.2万人次
        县卫健委
        10月底前

        清河县人民政府办公室
        2025年2月18日
        """;

    [Fact]
    public void ReadATableWrittenOneCellPerLine()
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(OneCellPerLine), "安排.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var draft = result.Draft!;
        Assert.Equal(["1", "2", "3", "4"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal("改造提升农村公路45公里", draft.Projects[1].Name);
        Assert.Equal(["县交通运输局"], draft.Projects[1].LeadUnits);
        Assert.Equal("9月投入使用", draft.Projects[0].DeadlineText);
        Assert.Equal("12月底前", draft.Projects[1].DeadlineText);
        Assert.Equal(["县卫健委"], draft.Projects[3].LeadUnits);
        // The name is all the row says: its figures are the targets.
        Assert.Contains(draft.Projects[1].Targets, t => t is { Value: 45m, Unit: "公里" });
        Assert.Contains(draft.Projects[3].Targets, t => t is { Value: 12000m, Unit: "人次" });
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("    ")]
    public void ReadTheSameTableWithCellsSeparatedByTabsOrSpaces(string separator)
    {
        string Row(params string[] cells) => string.Join(separator, cells) + "\n";
        var text = "2025年民生实事项目安排\n" + Row("序号", "民生实事", "责任单位", "完成时限")
            + Row("1", "新建城东幼儿园1所，新增学位360个", "县教育局", "9月投入使用")
            + Row("2", "新建城北污水处理厂1座", "县住建局", "5月底前动工")
            + Row("", "建成配套污水管网8公里", "", "12月底前")
            + Row("3", "为全县老年人免费体检1.2万人次", "县卫健委", "10月底前");
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "安排.txt");
        Assert.Equal(["1", "2", "3"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["2(1)", "2(2)"], draft.Projects[1].SubItems.Select(s => s.Sequence));
        Assert.Equal(["县住建局"], draft.Projects[1].SubItems[1].LeadUnits);
        Assert.Equal("12月底前", draft.Projects[1].SubItems[1].DeadlineText);
        Assert.Equal("9月投入使用", draft.Projects[0].DeadlineText);
    }

    [Fact]
    public void ReadRowsNumberedInWordsOneCellPerLine()
    {
        const string text = """
            2025年民生实事清单
            序号
            实事名称
            责任单位
            完成时限
            一、
            新建城区公厕12座
            县城管局
            6月底前
            二、
            更新公交车辆30辆
            县交通运输局
            10月底前
            """;
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "清单.txt");
        Assert.Equal(["一", "二"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["县交通运输局"], draft.Projects[1].LeadUnits);
    }

    [Fact]
    public void ReadATableWrittenOneCellPerLineWithABlankLineAfterEachCell()
    {
        var lines = OneCellPerLine.Split('\n');
        var header = Array.IndexOf(lines, "序号");
        var signature = Array.IndexOf(lines, "清河县人民政府办公室");
        var text = string.Join("\n", lines[..header]) + "\n" + string.Join("\n\n", lines[header..signature].Where(l => l.Length > 0))
            + "\n\n" + string.Join("\n", lines[signature..]);
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "安排.txt");
        Assert.Equal(["1", "2", "3", "4"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal(["3(1)", "3(2)"], draft.Projects[2].SubItems.Select(s => s.Sequence));
        Assert.Equal(["县卫健委"], draft.Projects[3].LeadUnits);
        Assert.Equal("10月底前", draft.Projects[3].DeadlineText);
        Assert.Empty(draft.Projects[3].SubItems);
    }

    [Fact]
    public void ReadALineWithoutItsOwnNumberOrUnitAsASubRowOfTheRowAbove()
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(OneCellPerLine), "安排.txt");
        var plant = result.Draft!.Projects[2];
        Assert.Equal(["3(1)", "3(2)"], plant.SubItems.Select(s => s.Sequence));
        Assert.Equal("5月底前动工", plant.SubItems[0].DeadlineText);
        Assert.Equal("建成配套污水管网8公里", plant.SubItems[1].Content);
        Assert.Equal("12月底前", plant.SubItems[1].DeadlineText);
        // The unit cell was merged over both rows.
        Assert.Equal(["县住建局"], plant.SubItems[1].LeadUnits);
        Assert.Contains(plant.SubItems[1].Targets, t => t is { Value: 8m, Unit: "公里" });
        Assert.Contains(result.Warnings, w => w.Code == "row.continued" && w.Message.Contains("建成配套污水管网8公里"));
        Assert.DoesNotContain(result.Warnings, w => w.Code is "project.no-sequence" or "project.no-lead-unit");
    }

    private const string WebCompletionTable = """
        清河县2024年民生实事完成情况表
        （截至2024年12月31日）
        序号    考核指标                    单位        工作目标    已完成数    占年任务之比    备注
        1       城镇新增就业                万人        0.8         0.92        115%            县人社局
                其中：高校毕业生就业        万人        0.3         0.33        110%
        2       农村公路提档升级            公里        45          52.2        116%            县交通运输局
        3       城乡低保标准                元/月/人    ≥680        700         -               县民政局
        4       老旧小区改造投资            万元        5000        5600        112%            县住建局
        5       城区停车位建设              个          1200        -           -               县城管局

        公开时间：2025年1月15日
        """;

    [Fact]
    public void ReadACompletionTableWithTargetAndDoneColumns()
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(WebCompletionTable), "完成情况.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var draft = result.Draft!;
        Assert.Equal(PlanKind.CompletionDisclosure, draft.Kind);
        Assert.Equal(2024, draft.Year);
        Assert.Equal(["1", "2", "3", "4", "5"], draft.Projects.Select(p => p.Sequence));

        var jobs = draft.Projects[0];
        Assert.Equal("城镇新增就业", jobs.Name);
        Assert.Equal(["县人社局"], jobs.LeadUnits);
        var employed = Assert.Single(jobs.SubItems[0].Targets);
        Assert.Equal((8000m, "人", 9200m, 1.15m), (employed.Value, employed.Unit, employed.Actual!.Value, employed.CompletionRatio!.Value));
        Assert.Equal("城镇新增就业", employed.Label);

        var roads = Assert.Single(draft.Projects[1].Targets);
        Assert.Equal((Comparator.Exactly, 45m, "公里", 52.2m, 1.16m), (roads.Comparator, roads.Value, roads.Unit, roads.Actual!.Value, roads.CompletionRatio!.Value));

        // No printed ratio: it is computed; ≥ is an at-least target.
        var allowance = Assert.Single(draft.Projects[2].Targets);
        Assert.Equal((Comparator.AtLeast, 680m, "元/月/人", 700m), (allowance.Comparator, allowance.Value, allowance.Unit, allowance.Actual!.Value));
        Assert.Equal(Math.Round(700m / 680m, 4), allowance.CompletionRatio);

        // Money keeps its printed unit, as targets read from a plan's content do, so the actual meets that indicator.
        var money = Assert.Single(draft.Projects[3].Targets);
        Assert.Equal((5000m, "万元", 5600m), (money.Value, money.Unit, money.Actual!.Value));

        // "-": nothing done is stated, so no actual.
        var parking = Assert.Single(draft.Projects[4].Targets);
        Assert.Equal((1200m, "个"), (parking.Value, parking.Unit));
        Assert.Null(parking.Actual);
    }

    [Fact]
    public void GiveSubRowsTheNumberAndDepartmentOfTheRowAbove()
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(WebCompletionTable), "完成情况.txt");
        var jobs = result.Draft!.Projects[0];
        Assert.Equal(["1(1)", "1(2)"], jobs.SubItems.Select(s => s.Sequence));
        var graduates = jobs.SubItems[1];
        Assert.Equal(["县人社局"], graduates.LeadUnits);
        var target = Assert.Single(graduates.Targets);
        Assert.Equal(("其中：高校毕业生就业", 3000m, "人", 3300m, 1.1m), (target.Label, target.Value, target.Unit, target.Actual!.Value, target.CompletionRatio!.Value));
        // 备注 holds departments: read as lead units, and said so.
        Assert.Contains(result.Warnings, w => w.Code == "column.guessed" && w.Message.Contains("备注") && w.Message.Contains("lead units"));
        Assert.DoesNotContain(result.Warnings, w => w.Code is "column.unknown" or "disclosure.actual-unmatched" or "project.no-sequence");
    }

    [Fact]
    public void RecogniseATableWhoseHeaderWordsAreUnknownByItsShape()
    {
        var docx = TestDocuments.Docx(["2025年为民办实事清单"],
        [
            ["序号", "事项", "承担", "时间要求"],
            ["1", "新建城区公厕12座", "县城管局", "2025年6月底"],
            ["2", "更新公交车辆30辆", "县交通运输局", "2025年10月底"],
        ]);
        var result = new PlanImporter().Read(docx, "清单.docx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var draft = result.Draft!;
        Assert.Equal(["新建城区公厕12座", "更新公交车辆30辆"], draft.Projects.Select(p => p.Name));
        Assert.Equal(["县交通运输局"], draft.Projects[1].LeadUnits);
        Assert.Equal(Deadline.Of(2025, 6, DatePrecision.EndOfMonth), draft.Projects[0].Deadline);
        Assert.Contains(draft.Projects[0].Targets, t => t is { Value: 12m, Unit: "座" });
        Assert.Contains(result.Warnings, w => w.Code == "table.by-shape");
        Assert.Contains(result.Warnings, w => w.Code == "column.guessed" && w.Message.Contains("Column 3 '承担'") && w.Message.Contains("lead units"));
        Assert.Contains(result.Warnings, w => w.Code == "column.guessed" && w.Message.Contains("'时间要求'") && w.Message.Contains("deadlines"));
    }

    private const string WorkReport = """
        清河县2025年政府工作报告（摘要）

        过去一年，全县经济运行稳中有进。

        2025年，县政府将集中力量办好15件民生实事：(1)新建县第六中学，同步建成2.5公里配套道路。 (2)改扩建三中教学楼1栋。 (3)建成第五幼儿园，新增学位270个。 (4)推行“一村一场”，新建村级文体广场20个。 (5)为60岁以上老年人免费体检1.5万人次。 (6)改造农村危房300户。 (7)新增城区停车位2000个。 (8)建设口袋公园6个。 (9)新建农村供水工程3处。 (10)开展职业技能培训5000人次。 (11)改造老旧小区12个。 (12)新建城乡公交站亭50座。 (13)实施校园食堂“明厨亮灶”改造40所。 (14)为困难群众发放取暖补贴。 (15)建成县级应急物资储备库1个。以上实事，各部门要细化方案、压实责任，确保年底前全部兑现，向全县人民交出满意答卷。

        让我们团结一心，奋力开创县域发展新局面。
        """;

    [Fact]
    public void ReadTheYearsListFromOneParagraphOfAWorkReport()
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(WorkReport), "报告.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var projects = result.Draft!.Projects;
        Assert.Equal(Enumerable.Range(1, 15).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), projects.Select(p => p.Sequence));
        Assert.Equal("新建县第六中学", projects[0].Name);
        // "2.5公里" inside item 1 does not split the list.
        Assert.Equal("新建县第六中学，同步建成2.5公里配套道路。", projects[0].Content);
        Assert.Contains(projects[0].Targets, t => t is { Value: 2.5m, Unit: "公里" });
        Assert.Equal("建成县级应急物资储备库1个。", projects[14].Content);
        Assert.Contains(projects[4].Targets, t => t is { Value: 15000m, Unit: "人次" });
        // The markers are no targets: nothing in any project is the item's own number without a unit.
        Assert.All(projects, p => Assert.DoesNotContain(p.Targets, t => t.SourcePhrase.Contains('(') || t.SourcePhrase.Contains(')')));
        Assert.Equal(2025, result.Draft.Year);
        var warning = Assert.Single(result.Warnings, w => w.Code == "list.prose");
        Assert.Contains("15 projects", warning.Message);
        Assert.Contains("paragraph 3", warning.Message);
    }

    [Theory]
    [InlineData("今年办好以下民生实事：1.新建城西公园1个，铺设步道2.5公里；2.改造燃气管网18公里；3.新增托育机构4家。", "新建城西公园1个，铺设步道2.5公里", "3")]
    [InlineData("今年的民生实事，一是新建城西公园1个；二是改造燃气管网18公里；三是新增托育机构4家。", "新建城西公园1个", "三")]
    [InlineData("民生实事安排如下：（一）新建城西公园1个。（二）改造燃气管网18公里。（三）新增托育机构4家。", "新建城西公园1个", "三")]
    public void ReadOtherListMarkersInProse(string paragraph, string firstName, string lastSequence)
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8("2025年政府工作安排\n\n" + paragraph + "\n"), "报告.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var projects = result.Draft!.Projects;
        Assert.Equal(3, projects.Count);
        Assert.Equal("新建城西公园1个", projects[0].Name);
        Assert.StartsWith(firstName, projects[0].Content);
        Assert.Equal(lastSequence, projects[2].Sequence);
        Assert.Contains(projects[1].Targets, t => t is { Value: 18m, Unit: "公里" });
        Assert.Contains(result.Warnings, w => w.Code == "list.prose");
    }

    [Fact]
    public void ReadAListWrittenOneItemPerParagraph()
    {
        const string text = """
            2025年民生实事安排

            （一）新建城西公园1个。
            （二）改造燃气管网18公里，
            惠及居民3000户。
            （三）新增托育机构4家。
            """;
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8(text), "安排.txt");
        Assert.Equal(["一", "二", "三"], draft.Projects.Select(p => p.Sequence));
        Assert.Contains(draft.Projects[1].Targets, t => t is { Value: 3000m, Unit: "户" });
    }

    [Fact]
    public void TakeTheLeadUnitNamedAtTheEndOfAnItemAndStopTheListAtTheClosingParagraph()
    {
        const string text = """
            关于2025年民生实事工作的安排意见
            经县政府研究，确定2025年实施以下民生实事：
            1.建设城区口袋公园。新建口袋公园6个，10月底前建成。（牵头单位：县城市管理局）
            2.推进农村户厕改造。改造农村卫生户厕2000户，11月底前完成。（牵头单位：县农业农村局）
            3.实施老年助餐服务。新建老年助餐点20个。（牵头单位：县民政局）
            各牵头单位要于每月5日前报送进展情况。
            县人民政府
            2025年3月3日
            """;
        var result = new PlanImporter().Read(TestDocuments.Utf8(text), "意见.txt");
        var projects = result.Draft!.Projects;
        Assert.Equal(["建设城区口袋公园", "推进农村户厕改造", "实施老年助餐服务"], projects.Select(p => p.Name));
        Assert.Equal(["县城市管理局"], projects[0].LeadUnits);
        Assert.Equal(["县民政局"], projects[2].LeadUnits);
        Assert.Equal("实施老年助餐服务。新建老年助餐点20个。", projects[2].Content);
        Assert.DoesNotContain(result.Warnings, w => w.Code == "project.no-lead-unit");
    }

    [Theory]
    [InlineData("关于做好冬季防火工作的通知\n\n各乡镇要高度重视，切实落实责任。\n")]
    [InlineData("关于做好冬季防火工作的通知\n\n一、总体要求\n坚持预防为主。\n二、工作任务\n开展隐患排查。\n三、保障措施\n加强组织领导。\n")]
    public void StillRefuseADocumentWithNoListOfProjects(string text)
    {
        var result = new PlanImporter().Read(TestDocuments.Utf8(text), "通知.txt");
        Assert.False(result.Succeeded);
        Assert.Equal("table.missing", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ReadATableWithoutAHeaderRowByItsShape()
    {
        var docx = TestDocuments.Docx(["附件", "2025年县级民生实事"],
        [
            ["1", "新建城区公厕12座", "县城管局", "2025年6月底"],
            ["2", "更新公交车辆30辆", "县交通运输局", "2025年10月底"],
            ["3", "改造农村危房300户", "县住建局", "2025年11月底"],
        ]);
        var result = new PlanImporter().Read(docx, "清单.docx");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var draft = result.Draft!;
        Assert.Equal(["1", "2", "3"], draft.Projects.Select(p => p.Sequence));
        Assert.Equal("更新公交车辆30辆", draft.Projects[1].Name);
        Assert.Equal(["县住建局"], draft.Projects[2].LeadUnits);
        Assert.Equal(Deadline.Of(2025, 11, DatePrecision.EndOfMonth), draft.Projects[2].Deadline);
        Assert.Contains(result.Warnings, w => w.Code == "table.no-header");
        Assert.Contains(result.Warnings, w => w.Code == "column.guessed" && w.Message.StartsWith("Column 3 was read as lead units", StringComparison.Ordinal));
    }

    [Fact]
    public void NotTakeANumberedContactListForAPlan()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "燃气管网改造", "改造燃气管网18公里。", "县住建局"],
        ],
        [
            ["序号", "姓名", "电话"],
            ["1", "孙八", "0373-5551234"],
            ["2", "周九", "0373-5556789"],
        ]);
        var result = new PlanImporter().Read(docx, "plan.docx");
        Assert.Single(result.Draft!.Projects);
        Assert.DoesNotContain(result.Warnings, w => w.Code is "table.by-shape" or "column.guessed");
    }

    [Fact]
    public void RecogniseATabSeparatedTableByItsShape()
    {
        var text = "2025年为民办实事清单\n序号\t事项\t承担\t时间要求\n1\t新建城区公厕12座\t县城管局\t6月底前\n2\t更新公交车辆30辆\t县交通运输局\t10月底前\n";
        var result = new PlanImporter().Read(TestDocuments.Utf8(text), "清单.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["县城管局", "县交通运输局"], result.Draft!.Projects.Select(p => p.LeadUnits.Single()));
        Assert.Equal(Deadline.Of(2025, 10, DatePrecision.EndOfMonth), result.Draft.Projects[1].Deadline);
        Assert.Contains(result.Warnings, w => w.Code == "table.by-shape");
    }

    [Fact]
    public void ReadACompletionTableFromASheet()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["2024年民生实事完成情况"],
            ["序号", "考核指标", "计量单位", "目标值", "完成数", "完成率", "责任单位"],
            ["1", "新增城镇就业", "万人", "0.8", "0.9", "112.5%", "县人社局"],
            ["2", "改造农村户厕", "户", "3000", "2400", "80%", "县农业农村局"],
        ]);
        var draft = TestDocuments.ImportOk(sheet, "完成情况.xlsx");
        Assert.Equal(PlanKind.CompletionDisclosure, draft.Kind);
        var jobs = Assert.Single(draft.Projects[0].Targets);
        Assert.Equal((8000m, "人", 9000m, 1.125m), (jobs.Value, jobs.Unit, jobs.Actual!.Value, jobs.CompletionRatio!.Value));
        var toilets = Assert.Single(draft.Projects[1].Targets);
        Assert.Equal((3000m, 2400m, 0.8m), (toilets.Value, toilets.Actual!.Value, toilets.CompletionRatio!.Value));
        Assert.Equal(["县农业农村局"], draft.Projects[1].LeadUnits);
    }

    [Fact]
    public void MatchADoneFigureToATargetWrittenAsASentence()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["序号", "实事名称", "目标任务", "完成数", "完成率", "责任单位"],
            ["1", "城镇就业", "新增城镇就业不少于8000人", "9200人", "115%", "县人社局"],
            ["2", "公厕建设", "新建公厕", "12座", "-", "县城管局"],
            ["3", "学校建设", "新建中小学校4所", "4个项目已全部竣工", "100%", "县教育局"],
        ]);
        var result = new PlanImporter().Read(sheet, "完成情况.xlsx");
        var draft = result.Draft!;
        Assert.Equal(PlanKind.CompletionDisclosure, draft.Kind);
        var jobs = Assert.Single(draft.Projects[0].Targets);
        Assert.Equal((Comparator.AtLeast, 8000m, 9200m, 1.15m), (jobs.Comparator, jobs.Value, jobs.Actual!.Value, jobs.CompletionRatio!.Value));
        Assert.Empty(draft.Projects[1].Targets);
        Assert.Contains(result.Warnings, w => w.Code == "completion.no-target" && w.Message.Contains("12座"));
        // The done figure is in another measure word (4个项目 for 4所): a general count reports on the one
        // count-of-things target, and the printed ratio is kept.
        var schools = Assert.Single(draft.Projects[2].Targets);
        Assert.Equal((4m, 1m), (schools.Actual, schools.CompletionRatio));
    }

    [Fact]
    public void TakeTheUnitFromTheFigureWhenThereIsNoUnitColumn()
    {
        var sheet = TestDocuments.Xlsx(
        [
            ["序号", "考核指标", "目标值", "完成数", "责任单位"],
            ["1", "老旧小区改造投资", "5000万元", "5600万元", "县住建局"],
            ["2", "新增城镇就业", "0.8万人", "0.9万人", "县人社局"],
        ]);
        var draft = TestDocuments.ImportOk(sheet, "完成情况.xlsx");
        var money = Assert.Single(draft.Projects[0].Targets);
        Assert.Equal((5000m, "万元", 5600m), (money.Value, money.Unit, money.Actual!.Value));
        var jobs = Assert.Single(draft.Projects[1].Targets);
        Assert.Equal((8000m, "人", 9000m), (jobs.Value, jobs.Unit, jobs.Actual!.Value));
    }
}
