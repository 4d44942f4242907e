using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests;

public sealed class PlanDraftJsonShould
{
    [Fact]
    public void WriteCamelCaseEnumNamesAndPlainChinese()
    {
        var json = PlanDraftJson.Serialize(SeedDocuments.Import("003"));
        Assert.Contains("\"documentNumber\": \"泾政办发〔2023〕4号\"", json);
        Assert.Contains("\"comparator\": \"AtLeast\"", json);
        Assert.Contains("\"precision\": \"MidMonth\"", json);
        Assert.Contains("\"date\": \"2023-03-20\"", json);
        Assert.DoesNotContain("\\u", json);
    }

    [Fact]
    public void ReadBackWhatItWrote()
    {
        var draft = SeedDocuments.Import("003");
        var json = PlanDraftJson.Serialize(draft);
        var back = PlanDraftJson.Deserialize(json);
        Assert.Equal(json, PlanDraftJson.Serialize(back));
        Assert.Equal(Deadline.Of(2023, 5, DatePrecision.EarlyMonth), back.Projects[0].Deadline);
    }

    [Fact]
    public void StayStableForTheSameDocument()
    {
        var first = PlanDraftJson.Serialize(new PlanImporter().Read(SeedDocuments.Bytes("002"), "002.txt"));
        var second = PlanDraftJson.Serialize(new PlanImporter().Read(SeedDocuments.Bytes("002"), "002.txt"));
        Assert.Equal(first, second);
        Assert.Contains("\"sha256\": \"", first);
        Assert.Contains("\"warnings\": [", first);
    }

    [Fact]
    public void RenderAReviewTable()
    {
        var table = PlanDraftTable.Render(SeedDocuments.Import("003"));
        Assert.Contains("文号：泾政办发〔2023〕4号", table);
        Assert.Contains("3(2)", table);
        Assert.Contains("≥240件", table);
        Assert.Contains("2023年3月中旬", table);
    }
}
