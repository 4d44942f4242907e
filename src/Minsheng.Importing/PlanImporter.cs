using System.Security.Cryptography;
using Minsheng.Importing.Building;
using Minsheng.Importing.Mapping;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing;

/// <summary>
/// Reads a plan document (.txt export, .docx, .xlsx) into a <see cref="PlanDraft"/>. The pipeline is
/// reader (per format) → <see cref="SourceDocument"/> → column mapping → project building → target and milestone
/// extraction. <see cref="Read"/> never throws: every failure is an error in the result, and a failed result carries no draft.
/// </summary>
public sealed class PlanImporter(ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    public ImportResult Read(byte[] content, string fileName, int? fallbackYear = null)
    {
        content ??= [];
        fileName ??= "";
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var issues = new IssueLog();
        var format = "unknown";
        string? encoding = null;
        PlanDraft? draft = null;
        try
        {
            if (content.Length == 0 || content.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                throw new ImportRejectedException("file.empty", "The file is empty.");
            if (content.LongLength > _options.MaxBytes)
                throw new ImportRejectedException("file.too-large",
                    $"The file is {content.LongLength / (1024.0 * 1024.0):0.#} MB; documents above {_options.MaxBytes / (1024 * 1024)} MB are refused.");
            var detected = FormatSniffer.Detect(content, _options);
            format = detected.ToString().ToLowerInvariant();
            WarnOnExtensionMismatch(fileName, detected, issues);
            var document = detected switch
            {
                SourceFormat.Docx => DocxReader.Read(content),
                SourceFormat.Xlsx => XlsxReader.Read(content, _options),
                _ => ReadText(content, issues, out encoding),
            };
            CheckSizes(document);
            draft = Build(document, fallbackYear, issues);
        }
        catch (ImportRejectedException rejected)
        {
            issues.Errors.Add(rejected.Issue);
        }
        catch (Exception unexpected)
        {
            // A reader met something no test foresaw; the clerk gets a message, not a stack trace.
            issues.Error("import.unexpected", $"The document could not be read: {unexpected.GetType().Name}: {unexpected.Message}");
        }
        return new ImportResult(draft, issues.Errors, issues.Warnings, hash, format, encoding, fileName);
    }

    private SourceDocument ReadText(byte[] content, IssueLog issues, out string encoding)
    {
        var (text, name) = TextDecoder.Decode(content);
        encoding = name;
        if (!text.Any(TextCleaner.IsIdeograph))
            throw new ImportRejectedException("text.no-chinese",
                $"Decoded as {name}, the text contains no Chinese characters: it is in an encoding the importer does not know, was converted wrongly, or is not a plan.");
        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        if (controls > 0 && controls * 50 > text.Length)
            throw new ImportRejectedException("file.binary", "The file holds binary data, not text; import the .docx or .xlsx itself.");
        return PlainTextReader.Read(text, name, _options, issues);
    }

    private void CheckSizes(SourceDocument document)
    {
        foreach (var table in document.Tables)
        {
            if (table.Rows.Count > _options.MaxRows)
                throw new ImportRejectedException("table.too-many-rows", $"{table.Location} has {table.Rows.Count} rows, above the limit of {_options.MaxRows}.", table.Location);
            foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            {
                if (cell.Text.Length > _options.MaxCellCharacters)
                    throw new ImportRejectedException("cell.too-long",
                        $"A cell holds {cell.Text.Length} characters, above the limit of {_options.MaxCellCharacters}: the export is broken or this is not an annex table.", cell.Location);
            }
        }
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Text.Length > _options.MaxCellCharacters * 5)
                throw new ImportRejectedException("paragraph.too-long",
                    $"A paragraph holds {paragraph.Text.Length} characters without a line break: this is not a plan document.", paragraph.Location);
        }
    }

    private PlanDraft Build(SourceDocument document, int? fallbackYear, IssueLog issues)
    {
        var draft = new PlanDraft();
        // The year must be known before rows are read, because milestones such as 3月底 take it.
        var preview = new IssueLog();
        MetadataExtractor.Fill(draft, [.. document.Paragraphs, .. TitleRows(document)], [], fallbackYear, preview);

        var builder = new ProjectBuilder(draft.Year, _options.Units, issues);
        var outcome = TableInterpreter.Interpret(document, builder, issues);
        var metadata = new PlanDraft();
        MetadataExtractor.Fill(metadata, outcome.Paragraphs, outcome.Captions, fallbackYear, issues);
        CopyMetadata(metadata, draft);

        if (outcome.PlanTables == 0)
        {
            if (!CompletionDisclosureReader.Recognises(outcome.Paragraphs) && ProseListReader.Find(outcome.Paragraphs) is { } list)
            {
                // No table, but a numbered list in the text: the projects of a work report. A person confirms them.
                var (table, map) = ProseListReader.AsTable(list, issues);
                builder.StartSection();
                foreach (var row in table.Rows.Skip(1)) builder.AddRow(row, map, null);
                draft.Projects = builder.Projects;
                issues.Warn("list.prose", list.OneParagraph
                    ? $"No table was found; {list.Items.Count} projects were read from the numbered list in paragraph {list.ParagraphNumber}. Check names, targets and units."
                    : $"No table was found; {list.Items.Count} projects were read from the numbered paragraphs starting at paragraph {list.ParagraphNumber}. Check names, targets and units.",
                    list.Location);
            }
            else if (!CompletionDisclosureReader.Recognises(outcome.Paragraphs))
            {
                var hint = document.Encoding is "gb18030" ? " The text was decoded as GBK/GB18030; if it looks garbled, it may be in another encoding." : "";
                throw new ImportRejectedException("table.missing",
                    "No annex table was found: the importer looks for a header row naming columns such as 序号, 项目名称 and 建设内容, or for a 完成情况 disclosure." + hint);
            }
            else
            {
                draft.Kind = PlanKind.CompletionDisclosure;
                draft.Projects = CompletionDisclosureReader.Read(outcome.Paragraphs, _options.Units, issues);
            }
        }
        else
        {
            draft.Projects = builder.Projects;
            if (outcome.HasCompletionColumn) draft.Kind = PlanKind.CompletionDisclosure;
        }

        if (draft.Projects.Count == 0)
            throw new ImportRejectedException("table.empty", "The table has a header row but no project rows.");
        if (draft.AllProjects().Count() > _options.MaxProjects)
            throw new ImportRejectedException("table.too-many-projects", $"The document lists more than {_options.MaxProjects} projects; an annual plan has far fewer.");
        return draft;
    }

    /// <summary>Rows above a sheet's header (its title) count as paragraphs when looking for the year.</summary>
    private static IEnumerable<SourceParagraph> TitleRows(SourceDocument document)
    {
        foreach (var table in document.Tables)
        {
            foreach (var row in table.Rows.Take(10))
            {
                var texts = row.Cells.Select(c => TextCleaner.SingleLine(c.Text)).Where(t => t.Length > 0).ToList();
                if (HeaderSynonyms.LooksLikeHeader(texts)) break;
                if (texts.Count > 0) yield return new SourceParagraph(string.Join(" ", texts.Distinct()), row.Location);
            }
        }
    }

    private static void CopyMetadata(PlanDraft from, PlanDraft to)
    {
        to.Title = from.Title;
        to.Issuer = from.Issuer;
        to.DocumentNumber = from.DocumentNumber;
        to.Year = from.Year;
        to.IssuedOn = from.IssuedOn;
        to.Approval = from.Approval;
        to.Metadata = from.Metadata;
    }

    private static void WarnOnExtensionMismatch(string fileName, SourceFormat detected, IssueLog issues)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var expected = extension switch
        {
            ".docx" => SourceFormat.Docx,
            ".xlsx" => SourceFormat.Xlsx,
            ".txt" or ".csv" or ".tsv" => SourceFormat.Text,
            _ => (SourceFormat?)null,
        };
        if (expected is { } e && e != detected)
            issues.Warn("file.extension-mismatch", $"The file is named '{fileName}' but its content is {detected.ToString().ToLowerInvariant()}; it was read as {detected.ToString().ToLowerInvariant()}.");
    }
}
