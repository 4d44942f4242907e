using System.IO.Compression;
using System.Text;

namespace Minsheng.Importing.Tests;

/// <summary>
/// Bad input never throws and never yields a partial draft: each case gives one clear, specific error, or — when the
/// document is usable — a draft with a warning that points at the problem.
/// </summary>
public sealed class MalformedInputShould
{
    private const string Header = "2025年民生实事清单\n";
    private static readonly string[] Columns = ["序号", "项目名称", "建设内容", "牵头单位"];

    private static byte[] Text(params string[][] rows) => TestDocuments.Utf8(Header + TestDocuments.CellPerLine(Columns, rows));

    private static byte[] ValidText() => Text(["1", "口袋公园", "新建口袋公园5个。", "县园林中心"]);

    private static byte[] ValidDocx() => TestDocuments.Docx(["2025年民生实事清单"], [Columns, ["1", "口袋公园", "新建口袋公园5个。", "县园林中心"]]);

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    private static byte[] RandomBytes(int length, int seed, bool withZeros)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (!withZeros) for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(bytes[i] | 0x80);
        return bytes;
    }

    private sealed record Case(Func<byte[]> Content, string FileName = "plan.txt", ImportOptions? Options = null, int? Year = 2025);

    private static readonly Dictionary<string, (Case Case, string[] Codes)> ErrorCases = new()
    {
        ["empty file"] = (new(() => []), ["file.empty"]),
        ["only whitespace"] = (new(() => Encoding.ASCII.GetBytes(" \r\n\t \n")), ["file.empty"]),
        ["random binary with zeros"] = (new(() => RandomBytes(4096, 1, true)), ["file.binary"]),
        ["random high bytes"] = (new(() => RandomBytes(4096, 2, false)), ["text.encoding", "text.no-chinese", "table.missing"]),
        ["png image"] = (new(() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), ["file.image"]),
        ["jpeg image"] = (new(() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), ["file.image"]),
        ["gif image"] = (new(() => Encoding.ASCII.GetBytes("GIF89a....")), ["file.image"]),
        ["pdf"] = (new(() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj"), "plan.pdf"), ["file.pdf"]),
        ["rtf"] = (new(() => Encoding.ASCII.GetBytes("{\\rtf1\\ansi 民生}"), "plan.rtf"), ["file.rtf"]),
        ["legacy doc"] = (new(() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "plan.doc"), ["file.legacy-office"]),
        ["gzip archive"] = (new(() => [0x1F, 0x8B, 8, 0, 0, 0]), ["file.archive"]),
        ["rar archive"] = (new(() => Encoding.ASCII.GetBytes("Rar!\u001a\u0007\0")), ["file.archive"]),
        ["docx cut in half"] = (new(() => ValidDocx()[..(ValidDocx().Length / 2)], "plan.docx"), ["file.zip-damaged"]),
        ["docx cut after 100 bytes"] = (new(() => ValidDocx()[..100], "plan.docx"), ["file.zip-damaged"]),
        ["docx missing its last byte"] = (new(() => ValidDocx()[..^1], "plan.docx"), ["file.zip-damaged"]),
        ["xlsx cut in half"] = (new(() => { var x = TestDocuments.Xlsx([["序号", "项目名称", "建设内容", "牵头单位"]]); return x[..(x.Length / 2)]; }, "plan.xlsx"), ["file.zip-damaged"]),
        ["zip signature and junk"] = (new(() => [.. Encoding.ASCII.GetBytes("PK\u0003\u0004"), .. RandomBytes(300, 3, true)]), ["file.zip-damaged"]),
        ["zip of a text file"] = (new(() => Zip(("plan.txt", "民生实事")), "plan.zip"), ["file.zip-not-office"]),
        ["empty zip"] = (new(() => Zip(), "plan.zip"), ["file.zip-not-office"]),
        ["opendocument text"] = (new(() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")), "plan.odt"), ["file.opendocument"]),
        ["docx with broken xml"] = (new(() => Zip(("[Content_Types].xml", "<Types"), ("word/document.xml", "<w:document><w:body>")), "plan.docx"), ["docx.damaged"]),
        ["xlsx with broken xml"] = (new(() => Zip(("[Content_Types].xml", "<Types"), ("xl/workbook.xml", "<workbook")), "plan.xlsx"), ["xlsx.damaged"]),
        ["docx without a table"] = (new(() => TestDocuments.Docx(["关于印发2025年民生实事的通知", "正文没有附件表格。"]), "plan.docx"), ["table.missing"]),
        ["docx table without a header"] = (new(() => TestDocuments.Docx(["2025年民生实事"], [["甲", "乙"], ["1", "2"]]), "plan.docx"), ["table.missing"]),
        ["docx header without rows"] = (new(() => TestDocuments.Docx(["2025年民生实事"], [Columns]), "plan.docx"), ["table.empty"]),
        ["xlsx without a header"] = (new(() => TestDocuments.Xlsx([["甲", "乙"], ["1", "2"]]), "plan.xlsx"), ["table.missing"]),
        ["xlsx header without rows"] = (new(() => TestDocuments.Xlsx([Columns]), "plan.xlsx"), ["table.empty"]),
        ["prose without a table"] = (new(() => TestDocuments.Utf8("关于印发2025年民生实事的通知\n各乡镇：\n请认真贯彻落实。\n")), ["table.missing"]),
        ["text header without rows"] = (new(() => Text()), ["table.empty"]),
        ["a cell of 30000 characters"] = (new(() => Text(["1", "口袋公园", new string('建', 30_000), "县园林中心"])), ["cell.too-long"]),
        ["a line of 200000 characters"] = (new(() => TestDocuments.Utf8(new string('民', 200_000))), ["paragraph.too-long"]),
        ["a 21 MB file"] = (new(() => new byte[21 * 1024 * 1024]), ["file.too-large"]),
        ["above a tenant's lower limit"] = (new(() => ValidText(), Options: new ImportOptions { MaxBytes = 100 }), ["file.too-large"]),
        ["english text"] = (new(() => Encoding.ASCII.GetBytes("No.\tProject\tContent\n1\tPark\tBuild 5 parks\n")), ["text.no-chinese"]),
        ["chinese decoded as latin-1 and saved again"] = (new(() => Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(ValidText()))), ["text.no-chinese"]),
        ["utf-16 with a lone surrogate"] = (new(() => [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), ["text.encoding"]),
        ["utf-8 bom then invalid bytes"] = (new(() => [0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0xE6, 0xB0]), ["text.encoding"]),
        ["zero bytes inside text"] = (new(() => [.. ValidText()[..20], 0, 0, .. ValidText()[20..]]), ["file.binary"]),
        ["control characters"] = (new(() => TestDocuments.Utf8("民生" + new string('\u0001', 200))), ["file.binary"]),
        ["zip expanding past the limit"] = (new(() => ValidDocx(), "plan.docx", new ImportOptions { MaxUncompressedBytes = 1000 }), ["file.zip-too-large"]),
        ["too many lines"] = (new(() => ValidText(), Options: new ImportOptions { MaxRows = 3 }), ["text.too-many-lines"]),
        ["too many sheet rows"] = (new(() => TestDocuments.Xlsx([Columns, ["1", "a", "b", "c"], ["2", "a", "b", "c"]]), "plan.xlsx", new ImportOptions { MaxRows = 2 }), ["xlsx.too-many-rows"]),
        ["too many projects"] = (new(() => Text(["1", "甲", "新建5个。", "县局"], ["2", "乙", "新建6个。", "县局"]), Options: new ImportOptions { MaxProjects = 1 }), ["table.too-many-projects"]),
        ["docx without body"] = (new(DocxWithoutBody, "plan.docx"), ["docx.no-body"]),
        ["big5 text"] = (new(Big5Text), ["table.missing", "text.encoding", "text.no-chinese"]),
    };

    private static byte[] DocxWithoutBody()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document();
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static byte[] Big5Text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("big5").GetBytes("民生實事\n序號 項目 內容\n");
    }

    public static TheoryData<string> ErrorCaseNames => new(ErrorCases.Keys);

    [Theory]
    [MemberData(nameof(ErrorCaseNames))]
    public void RefuseWithAClearError(string name)
    {
        var (input, codes) = ErrorCases[name];
        var result = new PlanImporter(input.Options).Read(input.Content(), input.FileName, input.Year);
        Assert.False(result.Succeeded);
        Assert.Null(result.Draft);
        var error = Assert.Single(result.Errors);
        Assert.Contains(error.Code, codes);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, result.Sha256Hex.Length);
    }

    [Fact]
    public void NameTheCellThatIsTooLong()
    {
        var result = new PlanImporter().Read(Text(["1", "口袋公园", new string('建', 30_000), "县园林中心"]), "plan.txt");
        Assert.StartsWith("line 9 (table 1, cell 3)", result.Errors.Single().Location);
    }

    [Fact]
    public void AcceptANullArgumentAsEmpty()
    {
        var result = new PlanImporter().Read(null!, null!);
        Assert.Equal("file.empty", result.Errors.Single().Code);
    }

    private static readonly Dictionary<string, (Case Case, string Code)> WarningCases = new()
    {
        ["unknown column"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine([.. Columns, "资金来源"], ["1", "公园", "新建公园5个。", "县园林中心", "专项债"]))), "column.unknown"),
        ["duplicate column"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine([.. Columns, "备注", "备注"], ["1", "公园", "新建公园5个。", "县园林中心", "甲", "乙"]))), "column.duplicate"),
        ["file cut inside the last row"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine(Columns, ["1", "公园", "新建公园5个。", "县园林中心"], ["2", "绿道"]))), "row.incomplete"),
        ["investment without unit"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine([.. Columns, "计划投资"], ["1", "公园", "新建公园5个。", "县园林中心", "860"]))), "investment.no-unit"),
        ["investment as text"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine([.. Columns, "计划投资"], ["1", "公园", "新建公园5个。", "县园林中心", "争取上级资金"]))), "investment.text"),
        ["deadline without a date"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine([.. Columns, "完成时限"], ["1", "公园", "新建公园5个。", "县园林中心", "长期坚持"]))), "deadline.unrecognized"),
        ["no year anywhere"] = (new(() => TestDocuments.Utf8(TestDocuments.CellPerLine([.. Columns, "完成时限"], ["1", "公园", "新建公园5个。", "县园林中心", "3月底，开工建设"])), Year: null), "plan.year-missing"),
        ["milestone without a year"] = (new(() => TestDocuments.Utf8(TestDocuments.CellPerLine([.. Columns, "完成时限"], ["1", "公园", "新建公园5个。", "县园林中心", "3月底，开工建设"])), Year: null), "milestone.no-year"),
        ["project without lead unit"] = (new(() => Text(["1", "公园", "新建公园5个。", ""])), "project.no-lead-unit"),
        ["sequence used twice"] = (new(() => Text(["1", "公园", "新建公园5个。", "县园林中心"], ["1", "绿道", "新建绿道3公里。", "县园林中心"])), "project.duplicate-sequence"),
        ["row without sequence"] = (new(() => Text(["", "公园", "新建公园5个。", "县园林中心"])), "project.no-sequence"),
        ["row without name"] = (new(() => Text(["1", "", "新建公园5个。", "县园林中心"])), "project.no-name"),
        ["content without figures"] = (new(() => Text(["1", "公园", "提升公园品质。", "县园林中心"])), "project.no-targets"),
        ["text named .docx"] = (new(() => ValidText(), "plan.docx"), "file.extension-mismatch"),
        ["percentage above 100"] = (new(() => Text(["1", "公园", "游园人数增长到120%。", "县园林中心"])), "target.out-of-range"),
        ["unit outside the directory"] = (new(() => ValidText(), Options: new ImportOptions { Units = new UnitDirectory("县住建局") }), "unit.unknown"),
        ["table without name column"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine(["序号", "建设内容", "牵头单位", "备注"], ["1", "新建公园5个。", "县园林中心", ""]))), "table.no-name-column"),
        ["row shifted by a stray cell"] = (new(() => TestDocuments.Utf8(Header + TestDocuments.CellPerLine(Columns, ["1", "公园", "新建公园5个。", "县园林中心", "多余"], ["2", "绿道", "新建绿道3公里。", "县园林中心"]))), "row.misaligned"),
        ["first row without number or name"] = (new(() => Text(["", "", "新建公园5个。", "县园林中心"], ["1", "绿道", "新建绿道3公里。", "县园林中心"])), "row.orphan"),
        ["extra table that is not a plan"] = (new(() => TestDocuments.Docx(["2025年民生实事"], [Columns, ["1", "公园", "新建公园5个。", "县园林中心"]], [["联系人", "电话"], ["张三", "123"]]), "plan.docx"), "table.not-a-plan"),
        ["disclosure item without completion line"] = (new(() => TestDocuments.Utf8("2024年民生实事完成情况\n1.新建公园5个。\n责任单位：县园林中心\n2.新建绿道3公里。\n责任单位：县园林中心\n完成情况：新建绿道3公里。\n")), "disclosure.no-completion"),
        ["disclosure item without figures"] = (new(() => TestDocuments.Utf8("2024年民生实事完成情况\n1.提升公园品质。\n责任单位：县园林中心\n完成情况：已完成。\n")), "disclosure.no-targets"),
    };

    public static TheoryData<string> WarningCaseNames => new(WarningCases.Keys);

    [Theory]
    [MemberData(nameof(WarningCaseNames))]
    public void ImportButWarn(string name)
    {
        var (input, code) = WarningCases[name];
        var result = new PlanImporter(input.Options).Read(input.Content(), input.FileName, input.Year);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Contains(result.Warnings, w => w.Code == code && w.Message.Length > 0);
    }
}
