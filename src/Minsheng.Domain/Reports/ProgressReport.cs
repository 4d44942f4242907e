using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Reports;

/// <summary>Where a monthly report (月度调度) is in its workflow.</summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    /// <summary>Signed off by the lead unit's head.</summary>
    Approved,
    /// <summary>Accepted by the supervision office.</summary>
    Accepted,
    /// <summary>Sent back with a reason; the unit edits and submits again.</summary>
    Returned,
}

/// <summary>A lead unit's monthly progress report on one project. The workflow transitions arrive with the reporting issue.</summary>
public sealed class ProgressReport : TenantEntity
{
    private ProgressReport() { }

    public ProgressReport(Guid projectId, int year, int month)
    {
        if (month is < 1 or > 12) throw DomainException.Invalid("period", $"Month {month} is not 1–12.");
        if (year is < 2000 or > 2100) throw DomainException.Invalid("period", $"Year {year} is outside 2000–2100.");
        ProjectId = projectId;
        Period = new DateOnly(year, month, 1);
    }

    public Guid ProjectId { get; private set; }
    /// <summary>The first day of the reported month.</summary>
    public DateOnly Period { get; private set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;
    public string? Progress { get; private set; }
    public string? Problems { get; private set; }
    public string? NextSteps { get; private set; }
    public decimal? InvestmentCompletedYuan { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    public void Write(string? progress, string? problems, string? nextSteps, decimal? investmentCompletedYuan)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Returned))
            throw DomainException.Conflict($"A {Status} report cannot be edited.");
        if (investmentCompletedYuan is < 0) throw DomainException.Invalid("investmentCompletedYuan", "Completed investment cannot be negative.");
        Plans.Plan.Range(investmentCompletedYuan, 1e16m, "investmentCompletedYuan");
        Progress = progress;
        Problems = problems;
        NextSteps = nextSteps;
        InvestmentCompletedYuan = investmentCompletedYuan;
    }

    /// <summary>Replaces the narrative of a report recorded from a document (not through the workflow).</summary>
    public void Record(string? progress) => Progress = progress;

    /// <summary>Used by demo and import data, which record reports already through their workflow.</summary>
    public void RecordAs(ReportStatus status, DateTimeOffset? submittedAt)
    {
        Status = status;
        SubmittedAt = submittedAt;
    }
}
