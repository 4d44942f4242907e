using System.Collections.Concurrent;
using Npgsql;

namespace Minsheng.Identity.Tokens;

/// <summary>What the API enforces for a dashboard client on each request, besides its token.</summary>
public sealed record ClientPolicy(IReadOnlyList<string> AllowedOrigins, IReadOnlySet<string>? TrustedDocuments, int? RequestsPerSecond);

/// <summary>
/// Tokens are validated locally, without the database; what they cannot know is that their user was disabled or
/// their client revoked after they were issued, nor a client's current settings (origins, trusted documents, rate).
/// This answers from memory, asking PostgreSQL at most once per subject every <see cref="Lifetime"/>: at once in the
/// process that changed it (it calls <see cref="Forget"/>), within that time in every other process.
/// </summary>
public sealed class AccessRevocations(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Refusal, ClientPolicy? Policy, DateTimeOffset Expires)> _known = new(StringComparer.Ordinal);

    /// <summary>Why the bearer of a token with this subject is refused now (null when it is not), and a client's policy.</summary>
    public async ValueTask<(string? Refusal, ClientPolicy? Policy)> CheckAsync(string kind, string subject, CancellationToken ct)
    {
        var key = kind + ":" + subject;
        if (_known.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow()) return (cached.Refusal, cached.Policy);
        var (refusal, policy) = kind == TokenClaims.ClientKind ? await ClientAsync(subject, ct) : (await UserRefusalAsync(subject, ct), null);
        _known[key] = (refusal, policy, clock.GetUtcNow() + Lifetime);
        return (refusal, policy);
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

    private async Task<(string?, ClientPolicy?)> ClientAsync(string clientId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT revoked_at IS NOT NULL, allowed_origins, trusted_documents_only, trusted_documents, requests_per_second FROM dashboard_clients WHERE client_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return ("The client of this token is not registered.", null);
        if (reader.GetBoolean(0)) return ("The client of this token was revoked.", null);
        var trusted = reader.GetBoolean(2) ? reader.GetFieldValue<string[]>(3).ToHashSet(StringComparer.Ordinal) : null;
        return (null, new ClientPolicy(reader.GetFieldValue<string[]>(1), trusted, reader.IsDBNull(4) ? null : reader.GetInt32(4)));
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
