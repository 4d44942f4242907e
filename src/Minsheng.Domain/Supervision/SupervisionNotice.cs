using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Supervision;

/// <summary>Where a 督办 notice is in its loop.</summary>
public enum NoticeStatus
{
    /// <summary>Issued by the supervision office; waiting for the lead unit to sign for it.</summary>
    Issued,
    /// <summary>签收: the unit has signed for it and is rectifying.</summary>
    Acknowledged,
    /// <summary>反馈: the unit has replied with its measures; waiting for the office's re-check.</summary>
    Replied,
    /// <summary>复核 passed: the notice is closed.</summary>
    Closed,
    /// <summary>复核 failed: a notice of the next level was issued in its place.</summary>
    Escalated,
}

/// <summary>
/// A supervision notice (督办单) for a lagging project: the office states the problem, what must be rectified and by
/// when; the lead unit signs for it (签收) and replies with its measures (反馈); the office re-checks (复核) and closes
/// it, or escalates it — a new notice of the next level, pointing back to this one, with a new deadline.
/// </summary>
public sealed class SupervisionNotice : TenantEntity
{
    private SupervisionNotice() { Number = Problem = Requirement = IssuedBy = ""; }

    public SupervisionNotice(Guid projectId, int year, int sequence, int level, string problem, string requirement, DateOnly rectifyBy,
        string issuedBy, DateTimeOffset issuedAt, DateOnly issuedOn, Guid? previousId = null)
    {
        if (level is < 1 or > 9) throw DomainException.Invalid("level", "A notice's level is 1–9.");
        ProjectId = projectId;
        Year = year;
        Sequence = sequence;
        Number = $"督办〔{year}〕{sequence}号";
        Level = level;
        Problem = Text(problem, "problem", 2000, "A notice states the problem it is about.");
        Requirement = Text(requirement, "requirement", 2000, "A notice states what must be rectified.");
        // The tenant's own calendar day (issuedOn), not UTC's: before 08:00 in China UTC is still yesterday.
        if (rectifyBy < issuedOn)
            throw DomainException.Invalid("rectifyBy", "The rectification deadline cannot be before the day the notice is issued.");
        RectifyBy = rectifyBy;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
        PreviousId = previousId;
    }

    public Guid ProjectId { get; private set; }
    public int Year { get; private set; }
    /// <summary>Numbered per tenant and year, in the order issued.</summary>
    public int Sequence { get; private set; }
    /// <summary>As printed: 督办〔2024〕3号.</summary>
    public string Number { get; private set; }
    /// <summary>1 for the office's own notice; each escalation one more.</summary>
    public int Level { get; private set; }
    /// <summary>The notice this one escalates, if any.</summary>
    public Guid? PreviousId { get; private set; }
    public NoticeStatus Status { get; private set; } = NoticeStatus.Issued;
    public string Problem { get; private set; }
    public string Requirement { get; private set; }
    public DateOnly RectifyBy { get; private set; }
    public string IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? Measures { get; private set; }
    public string? RepliedBy { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: the office and the unit acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => Status is NoticeStatus.Issued or NoticeStatus.Acknowledged or NoticeStatus.Replied;

    /// <summary>Overdue on a day: past its deadline and the unit has not replied.</summary>
    public static bool IsOverdue(NoticeStatus status, DateOnly rectifyBy, DateOnly asOf) =>
        status is NoticeStatus.Issued or NoticeStatus.Acknowledged && asOf > rectifyBy;

    public void Acknowledge(string by, DateTimeOffset at)
    {
        Require("signed for", NoticeStatus.Issued);
        Status = NoticeStatus.Acknowledged;
        AcknowledgedBy = by;
        AcknowledgedAt = at;
    }

    /// <summary>The unit's reply. Also allowed again after a reply, before the re-check, to correct it.</summary>
    public void Reply(string by, string measures, DateTimeOffset at)
    {
        Require("answered", NoticeStatus.Acknowledged, NoticeStatus.Replied);
        Measures = Text(measures, "measures", 4000, "A reply states the measures taken.");
        Status = NoticeStatus.Replied;
        RepliedBy = by;
        RepliedAt = at;
    }

    public void Close(string by, string comment, DateTimeOffset at) => Review(NoticeStatus.Closed, by, comment, at);

    /// <summary>The re-check found the rectification wanting; the caller issues the next level's notice.</summary>
    public void Escalate(string by, string comment, DateTimeOffset at) => Review(NoticeStatus.Escalated, by, comment, at);

    private void Review(NoticeStatus outcome, string by, string comment, DateTimeOffset at)
    {
        // Closing needs a reply; escalating does not (an unanswered notice, typically past its deadline, is escalated as it is).
        if (outcome == NoticeStatus.Closed) Require("closed", NoticeStatus.Replied);
        else Require("escalated", NoticeStatus.Issued, NoticeStatus.Acknowledged, NoticeStatus.Replied);
        ReviewComment = Text(comment, "comment", 2000, "A re-check states its finding.");
        Status = outcome;
        ReviewedBy = by;
        ReviewedAt = at;
    }

    private void Require(string step, params NoticeStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw DomainException.IllegalTransition(
                $"A notice that is {Status.ToString().ToLowerInvariant()} cannot be {step}; only an {string.Join(" or ", allowed.Select(a => a.ToString().ToLowerInvariant()))} one can.");
    }

    private static string Text(string? value, string field, int max, string missing)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainException.Invalid(field, missing);
        if (trimmed.Length > max) throw DomainException.Invalid(field, $"{field} is at most {max:N0} characters; this is {trimmed.Length:N0}.");
        return trimmed;
    }
}
