using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Npgsql;

namespace Minsheng.Application.Audit;

/// <summary>One entry of the tenant's audit trail.</summary>
public sealed record AuditRow(Guid Id, string Actor, string Action, string EntityType, Guid EntityId, string? Before, string? After, DateTimeOffset At)
{
    internal const string Columns = "a.id, a.actor, a.action, a.entity_type, a.entity_id, a.before::text, a.after::text, a.at";

    internal static AuditRow Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetGuid(4),
        Sql.NullableString(r, 5), Sql.NullableString(r, 6), r.GetFieldValue<DateTimeOffset>(7));
}

/// <summary>Which entries: any combination; null matches all.</summary>
public sealed record AuditFilter(string? EntityType, Guid? EntityId, string? Actor, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// The tenant's audit trail for its supervision office, newest first: who changed what, when, before and after.
/// Paged by time (<c>before</c>: the oldest entry of the previous page), at most <see cref="MaxPageSize"/> a page.
/// </summary>
public sealed class AuditQueries(ReadSession session)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<AuditRow>> EntriesAsync(AuditFilter filter, int first, DateTimeOffset? before, CancellationToken ct)
    {
        if (first is < 1 or > MaxPageSize) throw Domain.DomainException.Invalid("first", $"first must be between 1 and {MaxPageSize}.");
        var query = new ListQuery<AuditRow>(tenantId =>
        {
            var parameters = new List<object> { tenantId };
            var where = new List<string> { "a.tenant_id = $1" };
            void Add(string condition, object value)
            {
                parameters.Add(value);
                where.Add(condition.Replace("?", "$" + parameters.Count, StringComparison.Ordinal));
            }
            if (filter.EntityType is { } type) Add("a.entity_type = ?", type);
            if (filter.EntityId is { } id) Add("a.entity_id = ?", id);
            if (filter.Actor is { } actor) Add("a.actor = ?", actor);
            if (filter.From is { } from) Add("a.at >= ?", from);
            if (filter.To is { } to) Add("a.at < ?", to);
            if (before is { } b) Add("a.at < ?", b);
            parameters.Add(first);
            return BatchCommands.Of($"SELECT {AuditRow.Columns} FROM audit_entries a WHERE {string.Join(" AND ", where)} ORDER BY a.at DESC, a.id DESC LIMIT ${parameters.Count}",
                [.. parameters]);
        }, AuditRow.Read);
        await session.RunAsync(query, ct);
        return query.Rows;
    }
}
