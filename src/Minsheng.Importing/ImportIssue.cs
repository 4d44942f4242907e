namespace Minsheng.Importing;

/// <summary>
/// A problem found while reading. <paramref name="Code"/> is stable and machine-readable ("text.encoding",
/// "row.misaligned"); <paramref name="Message"/> is for the clerk; <paramref name="Location"/> points into the
/// source ("line 42", "table 1, row 5, cell 3", "sheet 清单, row 7, cell C").
/// </summary>
public sealed record ImportIssue(string Code, string Message, string? Location = null)
{
    public override string ToString() => Location is null ? $"[{Code}] {Message}" : $"[{Code}] {Location}: {Message}";
}

/// <summary>
/// Thrown inside the importer when the document cannot be read at all. <see cref="PlanImporter"/> turns it
/// into a failed <see cref="ImportResult"/>; it never escapes the library.
/// </summary>
internal sealed class ImportRejectedException(string code, string message, string? location = null) : Exception(message)
{
    public ImportIssue Issue { get; } = new(code, message, location);
}

/// <summary>Collects errors and warnings for one import.</summary>
internal sealed class IssueLog
{
    public List<ImportIssue> Errors { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];

    public void Warn(string code, string message, string? location = null) => Warnings.Add(new(code, message, location));
    public void Error(string code, string message, string? location = null) => Errors.Add(new(code, message, location));
}
