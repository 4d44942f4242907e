using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minsheng.Importing;

/// <summary>
/// The dry-run format. Stable by contract: camelCase names in declaration order, indented, enums as their names
/// (comparator "AtLeast", precision "EndOfMonth"), dates as yyyy-MM-dd, Chinese written as is (not \\u-escaped),
/// nulls omitted. Consumers embedding it in HTML must escape it themselves.
/// A deadline is <c>{"date": "2023-03-31", "precision": "EndOfMonth"}</c>.
/// </summary>
public static class PlanDraftJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(PlanDraft draft) => JsonSerializer.Serialize(draft, Options);

    public static PlanDraft Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanDraft>(json, Options) ?? throw new JsonException("The JSON holds no plan draft.");

    /// <summary>The whole dry-run answer: outcome, hash, format, errors and warnings with locations, and the draft.</summary>
    public static string Serialize(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var envelope = new ResultEnvelope(result.Succeeded, result.FileName, result.Sha256Hex, result.DetectedFormat, result.DetectedEncoding,
            result.Errors, result.Warnings, result.Draft);
        return JsonSerializer.Serialize(envelope, Options);
    }

    private sealed record ResultEnvelope(bool Succeeded, string FileName, string Sha256, string Format, string? Encoding,
        IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Warnings, PlanDraft? Draft);
}
