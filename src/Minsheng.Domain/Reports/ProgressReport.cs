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

/// <summary>
/// A lead unit's monthly progress report on one project, through its workflow: the unit clerk drafts and submits it,
/// the unit head signs it off (approved: stands for the signature and seal), the supervision office accepts it or
/// returns it with a reason; a returned report is edited and submitted again. An accepted report is locked. Any other
/// step is refused as an illegal transition.
/// </summary>
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
    public string? SubmittedBy { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? ReturnedBy { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>Changes with every write (PostgreSQL's xmin): two people acting on one report at once cannot both win.</summary>
    public uint Version { get; private set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    public void Submit(string by, DateTimeOffset at)
    {
        Require("submitted", ReportStatus.Draft, ReportStatus.Returned);
        Status = ReportStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
    }

    public void Approve(string by, DateTimeOffset at)
    {
        Require("signed off", ReportStatus.Submitted);
        Status = ReportStatus.Approved;
        ApprovedBy = by;
        ApprovedAt = at;
    }

    public void Accept(string by, DateTimeOffset at)
    {
        Require("accepted", ReportStatus.Approved);
        Status = ReportStatus.Accepted;
        AcceptedBy = by;
        AcceptedAt = at;
    }

    /// <summary>Back to the unit with a reason: by the unit head before signing off, or by the supervision office after.</summary>
    public void Return(string by, string reason, DateTimeOffset at)
    {
        Require("returned", ReportStatus.Submitted, ReportStatus.Approved);
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > 1000) throw DomainException.Invalid("reason", "A returned report needs a reason of at most 1,000 characters.");
        Status = ReportStatus.Returned;
        ReturnReason = trimmed;
        ReturnedBy = by;
        ReturnedAt = at;
    }

    private void Require(string step, params ReportStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.IllegalTransition(
                $"A report that is {Status.ToString().ToLowerInvariant()} cannot be {step}; only a {string.Join(" or ", allowed.Select(a => a.ToString().ToLowerInvariant()))} one can.");
    }

    public void Write(string? progress, string? problems, string? nextSteps, decimal? investmentCompletedYuan)
    {
        if (!IsEditable)
            throw DomainException.IllegalTransition($"A report that is {Status.ToString().ToLowerInvariant()} cannot be edited; only a draft or a returned one can." +
                (Status == ReportStatus.Accepted ? " An accepted month is locked." : ""));
        if (investmentCompletedYuan is < 0) throw DomainException.Invalid("investmentCompletedYuan", "Completed investment cannot be negative.");
        Plans.Plan.Range(investmentCompletedYuan, 1e16m, "investmentCompletedYuan");
        Progress = progress;
        Problems = problems;
        NextSteps = nextSteps;
        InvestmentCompletedYuan = investmentCompletedYuan;
    }

    /// <summary>
    /// A correction of an accepted month by the supervision office (the unit cannot edit it any more): the narrative and
    /// the investment; the figures are corrected on the actuals. Only an accepted report is corrected this way.
    /// </summary>
    public void Correct(string? progress, decimal? investmentCompletedYuan)
    {
        if (Status != ReportStatus.Accepted)
            throw DomainException.IllegalTransition($"Only an accepted month is corrected; a {Status.ToString().ToLowerInvariant()} report is edited by its unit.");
        if (investmentCompletedYuan is < 0) throw DomainException.Invalid("investmentCompletedYuan", "Completed investment cannot be negative.");
        Plans.Plan.Range(investmentCompletedYuan, 1e16m, "investmentCompletedYuan");
        Progress = progress ?? Progress;
        InvestmentCompletedYuan = investmentCompletedYuan ?? InvestmentCompletedYuan;
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
