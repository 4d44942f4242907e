namespace Minsheng.Importing;

/// <summary>
/// The outcome of reading one document. Either <see cref="Succeeded"/> with a complete <see cref="Draft"/>, or
/// not, with at least one error and no draft at all: a half-read plan is never handed out.
/// </summary>
public sealed class ImportResult
{
    internal ImportResult(PlanDraft? draft, IReadOnlyList<ImportIssue> errors, IReadOnlyList<ImportIssue> warnings,
        string sha256Hex, string detectedFormat, string? detectedEncoding, string fileName)
    {
        Draft = errors.Count == 0 ? draft : null;
        Errors = errors;
        Warnings = warnings;
        Sha256Hex = sha256Hex;
        DetectedFormat = detectedFormat;
        DetectedEncoding = detectedEncoding;
        FileName = fileName;
    }

    public bool Succeeded => Errors.Count == 0 && Draft is not null;
    public PlanDraft? Draft { get; }
    public IReadOnlyList<ImportIssue> Errors { get; }
    public IReadOnlyList<ImportIssue> Warnings { get; }
    /// <summary>Lower-case hex SHA-256 of the bytes as received; the key for idempotent re-imports.</summary>
    public string Sha256Hex { get; }
    /// <summary>text, docx, xlsx, or unknown when the bytes were refused before a format was recognised.</summary>
    public string DetectedFormat { get; }
    /// <summary>For text: utf-8, utf-8-bom, utf-16le, utf-16be or gb18030 (which covers GBK). Null for docx/xlsx.</summary>
    public string? DetectedEncoding { get; }
    public string FileName { get; }
}
