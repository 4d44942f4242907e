using System.Text;

namespace Minsheng.Importing.Tests;

/// <summary>The encoding of a text export is detected from its bytes, never assumed.</summary>
public sealed class EncodingShould
{
    static EncodingShould() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Seed => Encoding.UTF8.GetString(SeedDocuments.Bytes("000"));

    [Theory]
    [InlineData("GBK", "gb18030")]
    [InlineData("GB18030", "gb18030")]
    [InlineData("gb2312", "gb18030")]
    public void ReadGbkFamilyExports(string encoding, string detected)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Seed);
        var result = new PlanImporter().Read(bytes, "gbk.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(detected, result.DetectedEncoding);
        Assert.Equal(10, result.Draft!.Projects.Count);
        Assert.Equal("县公安局", result.Draft.Projects[4].LeadUnits[0]);
    }

    [Fact]
    public void ReadUtf8WithBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Seed)).ToArray();
        var result = new PlanImporter().Read(bytes, "bom.txt");
        Assert.Equal("utf-8-bom", result.DetectedEncoding);
        Assert.Equal("关于2024年县重点民生实事任务责任分解的通知", result.Draft!.Title);
    }

    [Theory]
    [InlineData(false, true, "utf-16le")]
    [InlineData(false, false, "utf-16le")]
    [InlineData(true, true, "utf-16be")]
    [InlineData(true, false, "utf-16be")]
    public void ReadUtf16WithOrWithoutBom(bool bigEndian, bool bom, string detected)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Seed)).ToArray();
        var result = new PlanImporter().Read(bytes, "utf16.txt");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(detected, result.DetectedEncoding);
        Assert.Equal(10, result.Draft!.Projects.Count);
    }

    [Fact]
    public void ProduceTheSameDraftWhateverTheEncoding()
    {
        var utf8 = PlanDraftJson.Serialize(TestDocuments.ImportOk(Encoding.UTF8.GetBytes(Seed), "a.txt"));
        var gbk = PlanDraftJson.Serialize(TestDocuments.ImportOk(Encoding.GetEncoding("GBK").GetBytes(Seed), "b.txt"));
        Assert.Equal(utf8, gbk);
    }
}
