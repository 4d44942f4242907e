namespace Minsheng.Domain.Tenancy;

/// <summary>A row that belongs to exactly one tenant. Its <see cref="TenantId"/> is stamped by the data layer, never by callers.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>Base for tenant-owned entities: a UUID v7 id plus the owning tenant.</summary>
public abstract class TenantEntity : ITenantOwned
{
    public Guid Id { get; protected set; } = Values.Ids.New();
    public Guid TenantId { get; set; }
}
