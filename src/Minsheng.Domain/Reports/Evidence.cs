using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Reports;

/// <summary>
/// A file attached to a monthly report as evidence (佐证材料): a scan, a photo, a document. Kept in PostgreSQL with the
/// report, limited in size and to the types a supervision office opens, told by their content — not by their name alone.
/// Attached and removed only while the report can be edited; an accepted month keeps its evidence.
/// </summary>
public sealed class EvidenceFile : TenantEntity
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxPerReport = 10;

    private EvidenceFile() { FileName = MediaType = Sha256 = UploadedBy = ""; Content = []; }

    public EvidenceFile(Guid reportId, string fileName, byte[] content, string uploadedBy, DateTimeOffset uploadedAt)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length is 0 or > 200 || name.IndexOfAny(['/', '\\', '\0']) >= 0 || name is "." or "..")
            throw DomainException.Invalid("fileName", "A file name is 1–200 characters, without a path.");
        if (content.Length == 0) throw DomainException.Invalid("content", "The file is empty.");
        if (content.Length > MaxBytes) throw DomainException.Invalid("content", $"A file is at most {MaxBytes / 1024 / 1024} MB; this one is {content.Length / 1024.0 / 1024.0:0.0} MB.");
        MediaType = Detect(name, content)
            ?? throw DomainException.Invalid("content", "Evidence is a PDF, a JPEG or PNG image, or a Word or Excel file (.docx, .xlsx), and its content must be what its name says.");
        ReportId = reportId;
        FileName = name;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid ReportId { get; private set; }
    public string FileName { get; private set; }
    public string MediaType { get; private set; }
    public int Size { get; private set; }
    public string Sha256 { get; private set; }
    public byte[] Content { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The media type the content and the name agree on, or null.</summary>
    public static string? Detect(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".pdf" when content.StartsWith("%PDF-"u8) => "application/pdf",
            ".jpg" or ".jpeg" when content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "image/jpeg",
            ".png" when content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) => "image/png",
            ".docx" when IsZip(content) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" when IsZip(content) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
    }

    private static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\x03\x04"u8);
}

/// <summary>
/// A correction of an accepted month (更正): the month stays accepted and locked for the unit; the office records what was
/// wrong, the figures before and after, and who corrected it. Append-only.
/// </summary>
public sealed class ReportCorrection : TenantEntity
{
    private ReportCorrection() { Reason = Before = After = CorrectedBy = ""; }

    public ReportCorrection(Guid reportId, string reason, string before, string after, string correctedBy, DateTimeOffset correctedAt)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > 1000) throw DomainException.Invalid("reason", "A correction states its reason in at most 1,000 characters.");
        ReportId = reportId;
        Reason = trimmed;
        Before = before;
        After = after;
        CorrectedBy = correctedBy;
        CorrectedAt = correctedAt;
    }

    public Guid ReportId { get; private set; }
    public string Reason { get; private set; }
    public string Before { get; private set; }
    public string After { get; private set; }
    public string CorrectedBy { get; private set; }
    public DateTimeOffset CorrectedAt { get; private set; }
}
