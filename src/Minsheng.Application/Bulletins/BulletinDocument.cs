using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Minsheng.Application.Bulletins;

/// <summary>A block of a bulletin: a heading, a paragraph, or a table with a header row.</summary>
public abstract record BulletinBlock;

public sealed record HeadingBlock(string Text) : BulletinBlock;

public sealed record ParagraphBlock(string Text) : BulletinBlock;

public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : BulletinBlock;

/// <summary>
/// A bulletin's content, independent of its format: written once by the generator and rendered to HTML (the public page,
/// a phone's width) and to .docx (what the office prints and seals), so the two never say different things.
/// </summary>
public sealed record BulletinDocument(string Title, string Subtitle, IReadOnlyList<BulletinBlock> Blocks)
{
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(Title)).Append("</title>")
            .Append("<style>body{font-family:\"FangSong\",\"仿宋\",serif;max-width:960px;margin:0 auto;padding:1rem;line-height:1.7}")
            .Append("h1{font-size:1.5rem;text-align:center}h2{font-size:1.15rem;margin-top:1.5rem}.subtitle{text-align:center;color:#555}")
            .Append(".table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.3rem .4rem;text-align:left}")
            .Append("th{background:#f2f2f2}</style></head>\n<body>\n");
        html.Append("<h1>").Append(Encode(Title)).Append("</h1>\n<p class=\"subtitle\">").Append(Encode(Subtitle)).Append("</p>\n");
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    html.Append("<h2>").Append(Encode(h.Text)).Append("</h2>\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case TableBlock t:
                    html.Append("<div class=\"table\"><table><thead><tr>");
                    foreach (var cell in t.Header) html.Append("<th>").Append(Encode(cell)).Append("</th>");
                    html.Append("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
                        html.Append("</tr>");
                    }
                    html.Append("</tbody></table></div>\n");
                    break;
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(Title, bold: true, halfPoints: 44, centered: true, font: "方正小标宋简体"));
            body.Append(Paragraph(Subtitle, bold: false, halfPoints: 28, centered: true));
            foreach (var block in Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        body.Append(Paragraph(h.Text, bold: true, halfPoints: 32, centered: false, font: "黑体"));
                        break;
                    case ParagraphBlock p:
                        body.Append(Paragraph(p.Text, bold: false, halfPoints: 32, centered: false, firstLineIndent: true));
                        break;
                    case TableBlock t:
                        body.Append(Table(t));
                        body.Append(new Paragraph());
                        break;
                }
            }
            // A4 with the margins of official documents (GB/T 9704).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Right = 1474U, Bottom = 1984, Left = 1588U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>What the Open XML SDK's validator finds wrong with a package (empty when it is valid).</summary>
    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    private static Paragraph Paragraph(string text, bool bold, int halfPoints, bool centered, string font = "仿宋_GB2312", bool firstLineIndent = false)
    {
        var properties = new ParagraphProperties();
        properties.Append(new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto });
        if (firstLineIndent) properties.Append(new Indentation { FirstLine = "640" });
        if (centered) properties.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(properties, Run(text, bold, halfPoints, font));
    }

    private static Run Run(string text, bool bold, int halfPoints, string font)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold) properties.Append(new Bold());
        properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Drops the control characters XML 1.0 cannot hold (a name typed with a stray \v would otherwise fail the whole document).</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF') ? new string(text.Where(c => !(c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')).ToArray()) : text;

    private static Table Table(TableBlock t)
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        table.Append(new TableGrid(t.Header.Select(_ => new GridColumn { Width = (9000 / Math.Max(1, t.Header.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(t.Header, header: true));
        foreach (var row in t.Rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }),
                new Paragraph(Run(cell, header, 21, header ? "黑体" : "仿宋_GB2312"))));
        return row;
    }
}
