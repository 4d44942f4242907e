using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Minsheng.Identity.Store;

/// <summary>
/// Changes to a tenant's users and dashboard clients go into the tenant's own audit trail (audit_entries), in the
/// same transaction as the change (a tenant transaction, so row-level security checks the tenant of the entry):
/// a supervision office can always see who gave whom access. Snapshots hold what an administrator sees, never a
/// password hash or a client secret.
/// </summary>
public static class AccessAudit
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RecordAsync(AccessDbContext db, Guid tenantId, string actor, string action, string entityType, Guid entityId,
        object? before, object? after, DateTimeOffset at, CancellationToken ct)
    {
        var beforeJson = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), Json);
        var afterJson = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), Json);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (id, tenant_id, actor, action, entity_type, entity_id, before, after, at)
            VALUES ({Guid.CreateVersion7()}, {tenantId}, {actor}, {action}, {entityType}, {entityId}, {beforeJson}::jsonb, {afterJson}::jsonb, {at})
            """, ct);
    }
}
