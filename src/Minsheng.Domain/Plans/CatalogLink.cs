using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Plans;

/// <summary>
/// A target of a project counted under a higher level's aggregation key (a province's 省定 task's target), as a person
/// confirmed it or as the tenant's plugins matched it without doubt. Roll-ups add up exactly these: a match a plugin
/// only suggests counts nowhere until it is stored here. <see cref="Unit"/> is the target's unit when linked; a target
/// whose unit changed since no longer counts, because <see cref="Factor"/> was worked out for the old one.
/// </summary>
public sealed class CatalogLink : TenantEntity
{
    private CatalogLink() { TaskKey = AggregationKey = Unit = LinkedBy = ""; }

    public CatalogLink(Guid projectId, Guid indicatorId, string taskKey, string aggregationKey, string unit, decimal factor, string linkedBy, DateTimeOffset linkedAt)
    {
        if (factor <= 0) throw DomainException.Invalid("factor", "A target counts a positive number of catalog units per unit.");
        ProjectId = projectId;
        IndicatorId = indicatorId;
        TaskKey = taskKey;
        AggregationKey = aggregationKey;
        Unit = unit;
        Factor = factor;
        LinkedBy = linkedBy;
        LinkedAt = linkedAt;
    }

    public Guid ProjectId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string TaskKey { get; private set; }
    public string AggregationKey { get; private set; }
    public string Unit { get; private set; }
    public decimal Factor { get; private set; }
    /// <summary>Who confirmed it, or "plugins" for a match applied without doubt.</summary>
    public string LinkedBy { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
}
