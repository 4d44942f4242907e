using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Plans;

public enum CertificationDecision
{
    /// <summary>The figure is confirmed; it is frozen from now on.</summary>
    Certified,
    /// <summary>The figure is questioned, with a reason; the unit reports again or explains.</summary>
    Queried,
}

/// <summary>
/// A certifying unit's decision (核定) on a target's reported figure: certified — the figure is frozen — or queried with a
/// reason. Kept as a history, never rewritten: the latest decision on a target is the one in force.
/// </summary>
public sealed class TargetCertification : TenantEntity
{
    private TargetCertification() { Reason = DecidedBy = ""; }

    public TargetCertification(Guid projectId, Guid indicatorId, Guid unitId, CertificationDecision decision, decimal value, string? reason,
        string decidedBy, DateTimeOffset decidedAt)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == CertificationDecision.Queried && reason is null)
            throw DomainException.Invalid("reason", "A queried figure needs the reason, for the unit to answer.");
        if (reason is { Length: > 2000 }) throw DomainException.Invalid("reason", "A reason is at most 2000 characters.");
        ProjectId = projectId;
        IndicatorId = indicatorId;
        UnitId = unitId;
        Decision = decision;
        Value = value;
        Reason = reason ?? "";
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid ProjectId { get; private set; }
    public Guid IndicatorId { get; private set; }
    /// <summary>The certifying unit that decided.</summary>
    public Guid UnitId { get; private set; }
    public CertificationDecision Decision { get; private set; }
    /// <summary>The reported figure decided on (the latest signed-off one at the time).</summary>
    public decimal Value { get; private set; }
    public string Reason { get; private set; }
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}
