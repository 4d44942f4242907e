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
