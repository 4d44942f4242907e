using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Plans;

/// <summary>A dated step of a project: "3月底，完成筛查1140人". May advance one target by a cumulative figure.</summary>
public sealed class Milestone : TenantEntity
{
    private Milestone() { Text = ""; }

    public Milestone(Guid projectId, Deadline due, string text, Guid? indicatorId = null, decimal? cumulativeValue = null)
    {
        ProjectId = projectId;
        Text = "";
        Update(due, text, indicatorId, cumulativeValue);
    }

    public Guid ProjectId { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DatePrecision DuePrecision { get; private set; }
    public string Text { get; private set; }
    public Guid? IndicatorId { get; private set; }
    /// <summary>The cumulative figure of <see cref="IndicatorId"/> due by this date.</summary>
    public decimal? CumulativeValue { get; private set; }

    public Deadline Due => new(DueDate, DuePrecision);

    /// <summary>The day the unit says the step was done, with what shows it; null while it is not.</summary>
    public DateOnly? AchievedOn { get; private set; }
    public string? AchievedBy { get; private set; }
    public string? Evidence { get; private set; }

    /// <summary>Marked done by the lead unit, with the evidence (a description of the 佐证材料) the office can check.</summary>
    public void MarkAchieved(DateOnly on, string by, string evidence)
    {
        var trimmed = evidence?.Trim() ?? "";
        if (trimmed.Length is 0 or > 2000) throw DomainException.Invalid("evidence", "Say what shows the step was done (at most 2,000 characters).");
        AchievedOn = on;
        AchievedBy = by;
        Evidence = trimmed;
    }

    /// <summary>
    /// As of a day: achieved (on time or late), missed (not achieved and its last allowed day — 月底, 中旬, 年底前 read
    /// as the latest day they allow — has passed), or pending.
    /// </summary>
    public static MilestoneState StateOf(Deadline due, DateOnly? achievedOn, DateOnly asOf) => achievedOn switch
    {
        { } on when on <= due.Date => MilestoneState.Achieved,
        { } => MilestoneState.AchievedLate,
        null when asOf > due.Date => MilestoneState.Missed,
        _ => MilestoneState.Pending,
    };

    public void Update(Deadline due, string text, Guid? indicatorId, decimal? cumulativeValue)
    {
        if (string.IsNullOrWhiteSpace(text)) throw DomainException.Invalid("text", "A milestone needs its text.");
        if (cumulativeValue is not null && indicatorId is null)
            throw DomainException.Invalid("cumulativeValue", "A cumulative value needs the target it advances.");
        if (cumulativeValue is < 0) throw DomainException.Invalid("cumulativeValue", "A cumulative value cannot be negative.");
        Plan.Range(cumulativeValue, 1e16m, "cumulativeValue");
        DueDate = due.Date;
        DuePrecision = due.Precision;
        Text = text.Trim();
        IndicatorId = indicatorId;
        CumulativeValue = cumulativeValue;
    }
}

public enum MilestoneState
{
    Pending,
    Achieved,
    AchievedLate,
    Missed,
}
