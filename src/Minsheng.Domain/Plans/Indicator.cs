using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Plans;

/// <summary>A quantified target (目标) of a project, e.g. 不少于6910户 → (AtLeast, 6910, 户).</summary>
public sealed class Indicator : TenantEntity
{
    private Indicator() { Label = Unit = ""; }

    public Indicator(Guid projectId, int position, string label, Comparator comparator, Quantity target, string? sourcePhrase = null)
    {
        ProjectId = projectId;
        Position = position;
        Label = Unit = "";
        Update(label, comparator, target, sourcePhrase);
    }

    public Guid ProjectId { get; private set; }
    public int Position { get; private set; }
    public string Label { get; private set; }
    public Comparator Comparator { get; private set; }
    public decimal TargetValue { get; private set; }
    public string Unit { get; private set; }
    /// <summary>The phrase of the plan the target was read from.</summary>
    public string? SourcePhrase { get; private set; }

    public Quantity Target => new(TargetValue, Unit);

    public void Update(string label, Comparator comparator, Quantity target, string? sourcePhrase)
    {
        if (string.IsNullOrWhiteSpace(label)) throw DomainException.Invalid("label", "A target needs a label.");
        if (label.Trim().Length > 300) throw DomainException.Invalid("label", "A target label is at most 300 characters.");
        if (string.IsNullOrWhiteSpace(target.Unit)) throw DomainException.Invalid("unit", "A target needs a unit of measure (户, 人次, %, 公里 …).");
        if (target.Unit.Length > 20) throw DomainException.Invalid("unit", $"'{target.Unit}' is not a unit of measure.");
        if (target.Value < 0) throw DomainException.Invalid("targetValue", "A target value cannot be negative.");
        Plan.Range(target.Value, 1e16m, "targetValue");
        if (target.Unit == "%" && target.Value > 100 && comparator != Comparator.AtLeast)
            throw DomainException.Invalid("targetValue", $"A percentage target of {target.Value}% is above 100%.");
        if (target.Unit == "‰" && target.Value > 1000)
            throw DomainException.Invalid("targetValue", $"A per-mille target of {target.Value}‰ is above 1000‰.");
        Label = label.Trim();
        Comparator = comparator;
        TargetValue = target.Value;
        Unit = target.Unit;
        SourcePhrase = Plan.Blank(sourcePhrase);
    }

    /// <summary>Share of the target achieved by <paramref name="actual"/>; for at-most targets, how far under the ceiling.</summary>
    public decimal? CompletionRatio(decimal actual)
    {
        if (Comparator == Comparator.AtMost) return actual <= TargetValue ? 1m : (actual == 0 ? null : TargetValue / actual);
        return TargetValue == 0 ? null : actual / TargetValue;
    }
}
