using System.Buffers.Text;
using System.Text;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Abstractions;

/// <summary>Opaque Relay ids: base64url of "Type:uuid". Clients must not build or parse them.</summary>
public static class GlobalId
{
    /// <summary>Metadata on an id argument or input field: the type name its ids must be of.</summary>
    public const string TypeMetadataKey = "minsheng:idOf";

    public static string Encode(string type, Guid id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{type}:{id:N}"));

    public static bool TryDecode(string? globalId, out string type, out Guid id)
    {
        type = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 100) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
            var colon = text.IndexOf(':');
            if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "N", out id)) return false;
            type = text[..colon];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The uuid inside an id that must be of <paramref name="expectedType"/>; a clear input error otherwise.</summary>
    public static Guid Expect(string? globalId, string expectedType, string argument)
    {
        if (!TryDecode(globalId, out var type, out var id))
            throw DomainException.Invalid(argument, $"'{globalId}' is not an id issued by this API.");
        if (type != expectedType)
            throw DomainException.Invalid(argument, $"{argument} must be the id of a {expectedType}, not of a {type}.");
        return id;
    }
}
