using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain;

/// <summary>Who changed what, when, before and after. Append-only; written in the same transaction as the change.</summary>
public sealed class AuditEntry : TenantEntity
{
    private AuditEntry() { Action = EntityType = Actor = ""; }

    public AuditEntry(string actor, string action, string entityType, Guid entityId, string? before, string? after, DateTimeOffset at)
    {
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
        At = at;
    }

    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public Guid EntityId { get; private set; }
    /// <summary>JSON of the entity before the change; null on create.</summary>
    public string? Before { get; private set; }
    /// <summary>JSON of the entity after the change; null on delete.</summary>
    public string? After { get; private set; }
    public DateTimeOffset At { get; private set; }
}
