using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Minsheng.Api.Tests.Identity;

/// <summary>
/// Rewrites a real access token's claims and signs it again, with the server's own key (read from the database,
/// as an attacker who stole it could not) or another: how the token cases get an expired, early, misaddressed
/// or tampered token that is otherwise exactly what the server issues.
/// </summary>
public static class TokenForgery
{
    public static string Resign(string jwt, RSA key, Action<JsonObject> change, string? kid = null)
    {
        var parts = jwt.Split('.');
        var header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        change(payload);
        if (kid is not null) header["kid"] = kid;
        var signingInput = Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Encode(signature);
    }

    /// <summary>The payload changed, the signature kept: what a bearer editing its own token gets.</summary>
    public static string Tamper(string jwt, Action<JsonObject> change)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        change(payload);
        return parts[0] + "." + Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
    }

    public static JsonObject Claims(string jwt) => JsonNode.Parse(Decode(jwt.Split('.')[1]))!.AsObject();

    public static long Now(TimeSpan offset = default) => DateTimeOffset.UtcNow.Add(offset).ToUnixTimeSeconds();

    private static byte[] Decode(string part) => Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '='));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
