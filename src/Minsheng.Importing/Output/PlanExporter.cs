using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Minsheng.Domain.Values;

namespace Minsheng.Importing;

/// <summary>
/// Writes a plan back in the familiar annex layout: the notice's facts as paragraphs, then one table per section
/// with 序号 · 项目名称 · 建设内容 · 计划投资 · 完成时限 · 牵头单位 · 协办单位 · 认定单位 · 责任领导 · 责任指挥部 · 备注
/// (and any extra columns). Sub-items take one row each under their parent's number, with the number and name
/// merged down in Word and left empty in Excel — the layouts <see cref="PlanImporter"/> reads back.
/// </summary>
public static class PlanExporter
{
    private static readonly string[] CoreHeaders = ["序号", "项目名称", "建设内容", "计划投资", "完成时限", "牵头单位", "协办单位", "认定单位", "责任领导", "责任指挥部", "建设地点", "备注"];

    public static byte[] ToDocx(PlanDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in PreambleLines(draft)) body.Append(Paragraph(line));
            var headers = Headers(draft);
            foreach (var (section, projects) in Sections(draft))
            {
                if (section is not null) body.Append(Paragraph(section));
                body.Append(Table(headers, projects));
                body.Append(Paragraph(""));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(PlanDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var headers = Headers(draft);
        var columns = Enumerable.Range(0, headers.Count).Select(ColumnName).ToList();
        Dictionary<string, object?> Row(IReadOnlyList<string> cells) =>
            columns.Select((c, i) => (c, (object?)(i < cells.Count ? cells[i] : ""))).ToDictionary(x => x.c, x => x.Item2);

        var sheets = new Dictionary<string, object>();
        var number = 0;
        foreach (var (section, projects) in Sections(draft))
        {
            number++;
            var rows = new List<Dictionary<string, object?>>();
            if (number == 1) rows.AddRange(PreambleLines(draft).Select(l => Row([l])));
            if (section is not null) rows.Add(Row([section]));
            rows.Add(Row(headers));
            rows.AddRange(RowsOf(headers, projects).Select(r => Row(r.Cells)));
            sheets[$"清单{number}"] = rows;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Issuer, number, date and approval above the title, so the title is the line right above the first table.</summary>
    private static IEnumerable<string> PreambleLines(PlanDraft draft)
    {
        if (draft.Issuer is { } issuer) yield return issuer;
        if (draft.DocumentNumber is { } number) yield return number;
        if (draft.IssuedOn is { } date) yield return $"{date.Year}年{date.Month}月{date.Day}日";
        if (draft.Approval is { } approval) yield return approval.TrimEnd('。') + "。";
        yield return draft.Title ?? $"{draft.Year}年民生实事任务清单";
    }

    private static IEnumerable<(string? Section, List<ProjectDraft> Projects)> Sections(PlanDraft draft)
    {
        var groups = new List<(string? Section, List<ProjectDraft> Projects)>();
        foreach (var project in draft.Projects)
        {
            var section = project.Section == draft.Title ? null : project.Section;
            if (groups.Count == 0 || groups[^1].Section != section) groups.Add((section, []));
            groups[^1].Projects.Add(project);
        }
        if (groups.Count == 0) groups.Add((null, []));
        return groups;
    }

    private static List<string> Headers(PlanDraft draft) =>
        [.. CoreHeaders, .. draft.AllProjects().SelectMany(p => p.ExtraFields.Keys).Distinct().Where(k => !CoreHeaders.Contains(k))];

    private sealed record ExportRow(List<string> Cells, bool ContinuesAbove);

    private static IEnumerable<ExportRow> RowsOf(List<string> headers, IEnumerable<ProjectDraft> projects)
    {
        foreach (var project in projects)
        {
            var leaves = project.SubItems.Count > 0 ? project.SubItems : [project];
            for (var i = 0; i < leaves.Count; i++)
            {
                var leaf = leaves[i];
                var first = i == 0;
                var cells = new List<string>
                {
                    first ? project.Sequence : "",
                    first ? project.Name : "",
                    leaf.Content ?? "",
                    leaf.InvestmentText ?? (leaf.InvestmentYuan is { } yuan ? new Money(yuan).ToString() : ""),
                    leaf.DeadlineText ?? leaf.Deadline?.ToString() ?? "",
                    string.Join("、", leaf.LeadUnits),
                    string.Join("、", leaf.CoUnits),
                    string.Join("、", leaf.CertificationUnits),
                    leaf.ResponsibleLeader ?? "",
                    leaf.CommandHeadquarters ?? "",
                    leaf.Location ?? "",
                    leaf.Remarks ?? "",
                };
                cells.AddRange(headers.Skip(CoreHeaders.Length).Select(h => leaf.ExtraFields.GetValueOrDefault(h, "")));
                yield return new ExportRow(cells, !first);
            }
        }
    }

    private static Table Table(List<string> headers, List<ProjectDraft> projects)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableRow(headers.Select(h => Cell(h, null))));
        foreach (var row in RowsOf(headers, projects))
        {
            // Number and name are merged down over a project's sub-item rows, as offices lay them out.
            table.Append(new TableRow(row.Cells.Select((text, column) =>
                Cell(text, column < 2 ? (row.ContinuesAbove ? MergedCellValues.Continue : MergedCellValues.Restart) : null))));
        }
        return table;
    }

    private static TableCell Cell(string text, MergedCellValues? merge)
    {
        var cell = new TableCell();
        if (merge is { } m) cell.Append(new TableCellProperties(new VerticalMerge { Val = m }));
        var lines = text.Split('\n');
        foreach (var line in lines) cell.Append(Paragraph(line));
        return cell;
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
