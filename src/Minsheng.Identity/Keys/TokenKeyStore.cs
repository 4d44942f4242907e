using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Minsheng.Identity.Keys;

/// <summary>The keys every instance signs and encrypts tokens with.</summary>
public sealed record TokenKeys(RsaSecurityKey Signing, SymmetricSecurityKey Encryption);

/// <summary>
/// Loads the token keys from PostgreSQL, creating them on the first start. Two instances starting at once on an
/// empty database both try to insert; the first insert wins (ON CONFLICT DO NOTHING) and both then read the
/// winner, so they sign with the same key and accept each other's tokens.
/// </summary>
public static class TokenKeyStore
{
    public static async Task<TokenKeys> LoadOrCreateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        using var rsa = RSA.Create(2048);
        await InsertIfMissingAsync(dataSource, TokenKey.Signing, rsa.ExportPkcs8PrivateKey(), ct);
        await InsertIfMissingAsync(dataSource, TokenKey.Encryption, RandomNumberGenerator.GetBytes(32), ct);

        var signing = RSA.Create();
        signing.ImportPkcs8PrivateKey(await ReadAsync(dataSource, TokenKey.Signing, ct), out _);
        var material = await ReadAsync(dataSource, TokenKey.Encryption, ct);
        // The key id is derived from the key, so every instance publishes the same kid for it.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData(signing.ExportSubjectPublicKeyInfo()))[..16];
        return new TokenKeys(new RsaSecurityKey(signing) { KeyId = kid }, new SymmetricSecurityKey(material));
    }

    private static async Task InsertIfMissingAsync(NpgsqlDataSource dataSource, string purpose, byte[] material, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO token_keys (purpose, material, created_at) VALUES ($1, $2, now()) ON CONFLICT (purpose) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = purpose });
        command.Parameters.Add(new NpgsqlParameter { Value = material });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<byte[]> ReadAsync(NpgsqlDataSource dataSource, string purpose, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT material FROM token_keys WHERE purpose = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = purpose });
        return (byte[])(await command.ExecuteScalarAsync(ct))!;
    }
}
