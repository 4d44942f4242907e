using System.Collections.Concurrent;
using Npgsql;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// Tokens are validated locally, without the database; what they cannot know is that their user was disabled or
/// their client revoked after they were issued. This answers that from memory, asking PostgreSQL at most once per
/// subject every <see cref="Lifetime"/>: at once in the process that disabled or revoked (it calls
/// <see cref="Forget"/>), within that time in every other process.
/// </summary>
public sealed class AccessRevocations(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Refusal, DateTimeOffset Expires)> _known = new(StringComparer.Ordinal);

    /// <summary>Why the bearer of a token with this subject is refused now, or null when it is not.</summary>
    public async ValueTask<string?> RefusalAsync(string kind, string subject, CancellationToken ct)
    {
        var key = kind + ":" + subject;
        if (_known.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow()) return cached.Refusal;
        var refusal = kind == TokenClaims.ClientKind ? await ClientRefusalAsync(subject, ct) : await UserRefusalAsync(subject, ct);
        _known[key] = (refusal, clock.GetUtcNow() + Lifetime);
        return refusal;
    }

    public void Forget(string kind, string subject) => _known.TryRemove(kind + ":" + subject, out _);

    private async Task<string?> UserRefusalAsync(string subject, CancellationToken ct)
    {
        if (!Guid.TryParse(subject, out var id)) return "The token names no known user.";
        await using var command = dataSource.CreateCommand("SELECT is_disabled FROM identity_users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) switch
        {
            null => "The user of this token no longer exists.",
            true => "The user of this token is disabled.",
            _ => null,
        };
    }

    private async Task<string?> ClientRefusalAsync(string clientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT revoked_at IS NOT NULL FROM dashboard_clients WHERE client_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        return await command.ExecuteScalarAsync(ct) switch
        {
            null => "The client of this token is not registered.",
            true => "The client of this token was revoked.",
            _ => null,
        };
    }
}

/// <summary>Tenants by id, for issuing tokens (the token carries the tenant's region code).</summary>
public sealed class TenantDirectory(NpgsqlDataSource dataSource)
{
    public async Task<(string Code, string Status)?> FindAsync(Guid tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT region_code, status FROM tenants WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<(Guid Id, string Status)?> FindByCodeAsync(string regionCode, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT id, status FROM tenants WHERE region_code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }
}
