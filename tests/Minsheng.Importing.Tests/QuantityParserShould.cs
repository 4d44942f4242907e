using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

public sealed class QuantityParserShould
{
    [Theory]
    [InlineData("全年开展职业技能培训1.3万人次", Comparator.Exactly, "13000", "人次")]
    [InlineData("全年新开工改造不少于6910户", Comparator.AtLeast, "6910", "户")]
    [InlineData("孕早中期产前筛查覆盖率达到65%", Comparator.Reach, "65", "%")]
    [InlineData("过早死亡率不高于18.93%", Comparator.AtMost, "18.93", "%")]
    [InlineData("婴儿死亡率不高于4.3‰", Comparator.AtMost, "4.3", "‰")]
    [InlineData("新、改建农村公路25公里", Comparator.Exactly, "25", "公里")]
    [InlineData("新建充电桩150个以上", Comparator.AtLeast, "150", "个")]
    [InlineData("建设通道超过12千米", Comparator.AtLeast, "12", "千米")]
    [InlineData("改造危旧桥梁4座", Comparator.Exactly, "4", "座")]
    [InlineData("改扩建中小学6所", Comparator.Exactly, "6", "所")]
    [InlineData("开展宣讲活动2场", Comparator.Exactly, "2", "场")]
    [InlineData("安装自动体外除颤器50台", Comparator.Exactly, "50", "台")]
    [InlineData("备案托育机构34家", Comparator.Exactly, "34", "家")]
    [InlineData("组织送检3批次", Comparator.Exactly, "3", "批次")]
    [InlineData("发放创业担保贷款5500万元", Comparator.Exactly, "5500", "万元")]
    [InlineData("完成投资1.05亿元", Comparator.Exactly, "1.05", "亿元")]
    [InlineData("每人每月增加基础养老金10元", Comparator.Exactly, "10", "元")]
    [InlineData("农村劳动力转移就业2.2万人次", Comparator.Exactly, "22000", "人次")]
    [InlineData("约554.7延米", Comparator.About, "554.7", "延米")]
    [InlineData("空气优良天数比例控制在5%以内", Comparator.AtMost, "5", "%")]
    [InlineData("服务对象1,200人以下", Comparator.AtMost, "1200", "人")]
    [InlineData("审批时限压减50%以上", Comparator.AtLeast, "50", "%")]
    [InlineData("城镇新增就业７５００人", Comparator.Exactly, "7500", "人")]
    [InlineData("建成区绿地率达到40％以上", Comparator.AtLeast, "40", "%")]
    [InlineData("至少建设1所美好邻里中心", Comparator.AtLeast, "1", "所")]
    [InlineData("建筑面积61.38163万平米", Comparator.Exactly, "613816.3", "平米")]
    public void ReadOneFigure(string text, Comparator comparator, string value, string unit)
    {
        var target = Assert.Single(QuantityParser.Parse(text));
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(new Quantity(target.Value, unit), target.Quantity);
    }

    [Theory]
    [InlineData("为全县35-64岁农村适龄妇女免费筛查")]
    [InlineData("0-6岁残疾儿童康复训练")]
    [InlineData("2024年12月底前完成")]
    [InlineData("3月中旬开工建设，5月初竣工")]
    [InlineData("泾政办发〔2023〕4号")]
    [InlineData("沿G312国道和S101省道")]
    [InlineData("第二批次，第3批")]
    [InlineData("康复救助标准为1600元/每人/每月")]
    [InlineData("特困人员分别按100%和80%救助")]
    [InlineData("构建15分钟生活圈")]
    [InlineData("按照“1+6+N”规划建设")]
    [InlineData("建设6.5m宽农村公路")]
    [InlineData("（含官庄工区129个、高新区5个）")]
    [InlineData("工期3个月")]
    [InlineData("")]
    public void FindNoTargetIn(string text) => Assert.Empty(QuantityParser.Parse(text));

    [Fact]
    public void LabelEachFigureWithItsOwnClause()
    {
        var targets = QuantityParser.Parse("排查整治安全隐患路口18个、发生过伤亡交通事故的重点隐患路口6个；举办宣讲活动2场。");
        Assert.Equal(["排查整治安全隐患路口18个", "发生过伤亡交通事故的重点隐患路口6个", "举办宣讲活动2场"], targets.Select(t => t.Label));
    }

    [Fact]
    public void KeepAListOfNamesInTheLabel()
    {
        var target = Assert.Single(QuantityParser.Parse("全年宫颈癌、乳腺癌各完成筛查2870人"));
        Assert.Equal("全年宫颈癌、乳腺癌各完成筛查2870人", target.Label);
        Assert.Equal("2870人", target.SourcePhrase);
    }

    [Fact]
    public void SkipBreakdownsAfterQiZhongUntilTheTotal()
    {
        var targets = QuantityParser.Parse("改造小区108个，其中东区12个、西区36个，共计涉改居民6512户。");
        Assert.Equal([108m, 6512m], targets.Select(t => t.Value));
    }

    [Fact]
    public void ReportPositionsInTheText()
    {
        const string text = "新增技能人才9000人";
        var target = Assert.Single(QuantityParser.Parse(text));
        Assert.Equal("9000人", text.Substring(target.Start, target.Length));
    }
}
