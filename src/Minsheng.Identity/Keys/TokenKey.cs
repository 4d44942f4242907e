namespace Minsheng.Identity.Keys;

/// <summary>
/// A key the token server signs or encrypts with, kept in PostgreSQL so that every server instance uses the same
/// keys and accepts the others' tokens. Created by the first instance that starts on an empty database.
/// </summary>
public sealed class TokenKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>PKCS#8 for the RSA signing key, raw bytes for the AES encryption key.</summary>
    public byte[] Material { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
