using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minsheng.Application.Common;

/// <summary>
/// How the application writes the JSON it keeps in jsonb columns (light reasons, decisions' before and after, bulletin
/// figures, corrections) and reads it back: camelCase, enums by name, Chinese text unescaped so it reads as written.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };
}
