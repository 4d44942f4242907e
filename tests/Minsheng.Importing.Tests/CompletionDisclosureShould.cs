using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Year-end 完成情况 disclosures: numbered targets under provincial and municipal headings, with unit and completion lines.</summary>
public sealed class CompletionDisclosureShould
{
    private const string Disclosure = """
        清河县2024年重点民生实事完成情况

        2024年，县政府承诺的重点民生实事已全部完成，现将完成情况公布如下。
        一、省定民生实事
        1.开展职业技能培训。全年开展职业技能培训1.2万人次，新增技能人才8000人。
        责任单位：县人社局
        完成情况：全年开展职业技能培训1.5万人次，完成年度目标任务的125%；新增技能人才8400人，完成105%。
        2.推进老旧小区改造。全年新开工改造老旧小区不少于3200户。
        责任单位：县住建局
        完成情况：新开工改造老旧小区3600户，完成年度目标任务的112.5%。
        二、市定民生实事
        1.控制婴儿死亡率。婴儿死亡率不高于5‰。
        责任单位：县卫健委
        完成情况：婴儿死亡率为3.9‰。
        2.建设口袋公园。新建口袋公园12个，新增绿地2公顷。
        完成情况：新建口袋公园12个。
        """;

    private static ImportResult Read() => new PlanImporter().Read(TestDocuments.Utf8(Disclosure), "完成情况.txt");

    [Fact]
    public void ReadTheNumberedItemsUnderTheirSections()
    {
        var draft = Read().Draft!;
        Assert.Equal(PlanKind.CompletionDisclosure, draft.Kind);
        Assert.Equal(2024, draft.Year);
        Assert.Equal(4, draft.Projects.Count);
        Assert.Equal(["开展职业技能培训", "推进老旧小区改造", "控制婴儿死亡率", "建设口袋公园"], draft.Projects.Select(p => p.Name));
        Assert.Equal(["省定", "省定", "市定", "市定"], draft.Projects.Select(p => p.CategoryTag));
        Assert.Equal("二、市定民生实事", draft.Projects[2].Section);
        Assert.Equal(["县人社局"], draft.Projects[0].LeadUnits);
    }

    [Fact]
    public void MatchActualsToTargetsAndComputeTheRatio()
    {
        var draft = Read().Draft!;
        var training = draft.Projects[0].Targets;
        Assert.Equal((12000m, 15000m, 1.25m), (training[0].Value, training[0].Actual!.Value, training[0].CompletionRatio!.Value));
        Assert.Equal((8000m, 8400m, 1.05m), (training[1].Value, training[1].Actual!.Value, training[1].CompletionRatio!.Value));
        var housing = Assert.Single(draft.Projects[1].Targets);
        Assert.Equal(Comparator.AtLeast, housing.Comparator);
        Assert.Equal(1.125m, housing.CompletionRatio);
        var infants = Assert.Single(draft.Projects[2].Targets);
        Assert.Equal((Comparator.AtMost, 3.9m, 1m), (infants.Comparator, infants.Actual!.Value, infants.CompletionRatio!.Value));
    }

    [Fact]
    public void WarnWhereAnActualOrTheUnitLineIsMissing()
    {
        var result = Read();
        Assert.Contains(result.Warnings, w => w.Code == "disclosure.unit-line-missing" && w.Message.Contains("建设口袋公园"));
        var unmatched = Assert.Single(result.Warnings, w => w.Code == "disclosure.actual-unmatched");
        Assert.Contains("公顷", unmatched.Message);
        Assert.Equal("line 15", unmatched.Location);
        var parks = result.Draft!.Projects[3].Targets;
        Assert.Equal(12m, parks[0].Actual);
        Assert.Null(parks[1].Actual);
    }

    [Fact]
    public void ReadAnActualsColumnInATable()
    {
        var text = TestDocuments.CellPerLine(["序号", "项目名称", "建设内容", "牵头单位", "完成情况"],
            ["1", "雨污分流改造", "改造雨污管网20公里。", "县住建局", "已改造雨污管网22公里。"]);
        var draft = TestDocuments.ImportOk(TestDocuments.Utf8("2024年民生实事完成情况\n" + text), "t.txt");
        Assert.Equal(PlanKind.CompletionDisclosure, draft.Kind);
        var target = Assert.Single(draft.Projects[0].Targets);
        Assert.Equal((22m, 1.1m), (target.Actual!.Value, target.CompletionRatio!.Value));
    }
}
