using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

/// <summary>Counts written in words are targets only where they clearly count something to deliver.</summary>
public sealed class ChineseNumeralTargetsShould
{
    [Theory]
    [InlineData("在城南新建一座污水处理厂", Comparator.Exactly, "1", "座")]
    [InlineData("新建两所公办幼儿园", Comparator.Exactly, "2", "所")]
    [InlineData("打造三个社区嵌入式服务中心", Comparator.Exactly, "3", "个")]
    [InlineData("建成十个村级寄递物流站点", Comparator.Exactly, "10", "个")]
    [InlineData("改扩建二十所乡村学校", Comparator.Exactly, "20", "所")]
    [InlineData("新增不少于十二家托育机构", Comparator.AtLeast, "12", "家")]
    [InlineData("开展送戏下乡一百二十场", Comparator.Exactly, "120", "场")]
    [InlineData("新增公共停车位两百零五个", Comparator.Exactly, "205", "个")]
    [InlineData("培训家政服务人员三万人次以上", Comparator.AtLeast, "30000", "人次")]
    [InlineData("更换五台供水加压设备", Comparator.Exactly, "5", "台")]
    [InlineData("完成两批次食品抽检", Comparator.Exactly, "2", "批次")]
    [InlineData("城乡居民医保参保率提高一个百分点", Comparator.Exactly, "1", "个百分点")]
    public void ReadACountInWords(string text, Comparator comparator, string value, string unit)
    {
        var target = Assert.Single(QuantityParser.Parse(text));
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
    }

    [Theory]
    [InlineData("推行“一站式”便民服务")]
    [InlineData("第一批次完成验收，第二个阶段启动")]
    [InlineData("建设一批口袋公园")]
    [InlineData("开展一批次食品抽检")]
    [InlineData("打造一个智慧养老平台")]
    [InlineData("免费开展一次健康体检")]
    [InlineData("落实一校一策、一户一档")]
    [InlineData("坚持三个一批工作思路")]
    [InlineData("服务走进千家万户")]
    [InlineData("从三个方面推进，落实两项制度、五条措施")]
    [InlineData("每个乡镇建设一座垃圾中转站，每村配备两名保洁员")]
    [InlineData("十四五期间持续推进")]
    [InlineData("解决“最后一公里”问题")]
    [InlineData("工期三个月，两个工作日内办结")]
    [InlineData("初三学生体质健康监测")]
    [InlineData("新建三至五所乡村幼儿园")]
    [InlineData("每村配备五到十个公益岗位")]
    public void FindNoCountIn(string text) => Assert.Empty(QuantityParser.Parse(text));

    [Fact]
    public void ReadCountsInWordsBesideCountsInDigitsInTextOrder()
    {
        var targets = QuantityParser.Parse("新建两所幼儿园，改造校舍3600平方米，配备校车五辆。");
        Assert.Equal([(2m, "所"), (3600m, "平方米"), (5m, "辆")], targets.Select(t => (t.Value, t.Unit)));
        Assert.Equal("新建两所幼儿园", targets[0].Label);
        Assert.Equal("两所", targets[0].SourcePhrase);
    }

    [Fact]
    public void ReadACountInWordsFromAProjectContent()
    {
        var docx = TestDocuments.Docx(["2025年民生实事"],
        [
            ["序号", "项目名称", "建设内容", "牵头单位"],
            ["1", "城乡学校建设", "新建两所九年一贯制学校，改造一座学生食堂。", "县教育局"],
        ]);
        var project = TestDocuments.ImportOk(docx, "plan.docx").Projects.Single();
        TargetAssert.Targets(project, (Comparator.Exactly, 2m, "所"), (Comparator.Exactly, 1m, "座"));
    }
}
