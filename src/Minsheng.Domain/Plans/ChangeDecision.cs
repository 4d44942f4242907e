using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Plans;

/// <summary>What a change decision does to a published project.</summary>
public enum ChangeKind
{
    /// <summary>A target's value (or its unit or comparator) adjusted.</summary>
    TargetAdjusted,
    /// <summary>The completion deadline moved.</summary>
    DeadlineMoved,
    Suspended,
    Resumed,
    Cancelled,
}

/// <summary>
/// A recorded decision to adjust a published plan (计划调整): what changed, from what to what, why, who approved it, and —
/// where the plan was voted by the people's congress — the reference of its standing committee's decision. The project
/// keeps only the current version; the decisions keep every earlier one. Append-only.
/// </summary>
public sealed class ChangeDecision : TenantEntity
{
    private ChangeDecision() { Reason = Approver = Before = After = RecordedBy = ""; }

    public ChangeDecision(Guid projectId, Guid? indicatorId, ChangeKind kind, string reason, string approver, string? congressReference,
        DateOnly decidedOn, string before, string after, string recordedBy, DateTimeOffset recordedAt)
    {
        ProjectId = projectId;
        IndicatorId = indicatorId;
        Kind = kind;
        Reason = Required(reason, "reason", 2000, "A change decision states its reason.");
        Approver = Required(approver, "approver", 200, "A change decision names who approved it (e.g. 县政府常务会议).");
        CongressReference = Plan.Limit(Plan.Blank(congressReference), 200, "congressReference");
        DecidedOn = decidedOn;
        Before = before;
        After = after;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid ProjectId { get; private set; }
    /// <summary>The target adjusted, for <see cref="ChangeKind.TargetAdjusted"/>.</summary>
    public Guid? IndicatorId { get; private set; }
    public ChangeKind Kind { get; private set; }
    public string Reason { get; private set; }
    /// <summary>Who approved it: a meeting, a leader, a document (县政府第12次常务会议).</summary>
    public string Approver { get; private set; }
    /// <summary>The people's congress standing committee's decision, e.g. 县人大常委会〔2024〕5号.</summary>
    public string? CongressReference { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    /// <summary>The changed fields before (JSON): the earlier version stays visible.</summary>
    public string Before { get; private set; }
    public string After { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// A plan the people's congress voted (人大票决) is changed in what it promised — a target, or a project cancelled —
    /// only with its standing committee's decision; a deadline moved or a pause is the government's own decision.
    /// </summary>
    public static bool NeedsCongressReference(ChangeKind kind, Plan plan) =>
        kind is ChangeKind.TargetAdjusted or ChangeKind.Cancelled && IsVotedByCongress(plan);

    public static bool IsVotedByCongress(Plan plan) => plan.Approval is { } a && (a.Contains("人大") || a.Contains("人民代表大会"));

    private static string Required(string? value, string field, int max, string missing)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainException.Invalid(field, missing);
        return Plan.Limit(trimmed, max, field)!;
    }
}
