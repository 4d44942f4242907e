using Minsheng.Application.Audit;

namespace Minsheng.GraphQL.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditRow>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        this.ReachedThroughCheckedField();
        Description = "One change in the tenant's audit trail: who (from the token), when, which entity, before and after.";
        Field(a => a.Actor).Description("user:<name>, client:<client id>, or the tool that made the change.");
        Field(a => a.Action);
        Field(a => a.EntityType);
        Field<NonNullGraphType<IdGraphType>>("entityId").Description("The global id of the entity changed.").Resolve(c => GlobalId.Encode(c.Source.EntityType, c.Source.EntityId));
        Field(a => a.Before, nullable: true).Description("The entity before the change, as JSON; null for a creation.");
        Field(a => a.After, nullable: true).Description("The entity after the change, as JSON; null for a deletion.");
        Field(a => a.At);
    }
}
