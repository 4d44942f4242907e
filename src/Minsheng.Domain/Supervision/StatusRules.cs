using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Supervision;

/// <summary>Where a project stands (derived, never entered).</summary>
public enum ProjectStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Lagging,
    Completed,
    Exceeded,
    /// <summary>Paused by a change decision: not assessed (green, no reasons; left out of counts by light).</summary>
    Suspended,
    /// <summary>Withdrawn by a change decision: not assessed.</summary>
    Cancelled,
}

/// <summary>The supervision office's traffic light. Ordered: a worse light compares greater.</summary>
public enum Light
{
    Green,
    Yellow,
    Red,
}

/// <summary>Why a project has its light: a stable code, the light it calls for, and a sentence for people.</summary>
public sealed record LightReason(string Code, Light Light, string Message);

/// <summary>
/// The numbers behind the rules; a tenant may set its own (<c>configureStatusRules</c>), and its plugins may supply them
/// (<c>IStatusThresholdSource</c>) for a tenant that did not.
/// Percentages are points of 100.
/// </summary>
public sealed record StatusThresholds
{
    /// <summary>Progress this many points behind the share of the time gone: at risk, yellow.</summary>
    public int AtRiskGapPoints { get; init; } = 15;

    /// <summary>Progress this many points behind: lagging, red. (30 % done with 75 % of the time gone is 45 behind.)</summary>
    public int LaggingGapPoints { get; init; } = 30;

    /// <summary>A missed milestone is yellow; still missed this many days after its date, red.</summary>
    public int MissedMilestoneRedDays { get; init; } = 30;

    /// <summary>An overdue report is yellow; still missing this many days after its due date, red.</summary>
    public int OverdueReportRedDays { get; init; } = 15;

    /// <summary>Yellow for this many days in a row escalates to red.</summary>
    public int YellowEscalationDays { get; init; } = 30;

    /// <summary>Red for this many days in a row proposes the project for 督办.</summary>
    public int RedSupervisionDays { get; init; } = 14;

    /// <summary>Every target met and, on average, reached to this per cent or more: exceeded rather than completed.</summary>
    public int ExceededPercent { get; init; } = 110;

    public static readonly StatusThresholds Default = new();

    /// <summary>Refuses numbers that make no sense together, naming the one at fault.</summary>
    public StatusThresholds Validated()
    {
        if (AtRiskGapPoints is < 1 or > 100) throw DomainException.Invalid("atRiskGapPoints", "Must be between 1 and 100 points.");
        if (LaggingGapPoints <= AtRiskGapPoints || LaggingGapPoints > 100)
            throw DomainException.Invalid("laggingGapPoints", "Must be more than the at-risk gap and at most 100 points.");
        foreach (var (name, days) in new[] { ("missedMilestoneRedDays", MissedMilestoneRedDays), ("overdueReportRedDays", OverdueReportRedDays),
                     ("yellowEscalationDays", YellowEscalationDays), ("redSupervisionDays", RedSupervisionDays) })
            if (days is < 0 or > 366) throw DomainException.Invalid(name, "Must be between 0 and 366 days.");
        if (ExceededPercent is < 100 or > 1000) throw DomainException.Invalid("exceededPercent", "Must be between 100 and 1000 per cent.");
        return this;
    }
}

/// <summary>
/// A target with the latest signed-off figure as of the day (null: nothing reported yet), and — where the tenant's
/// rules want the figure certified and it is not yet, at this figure — the unit that certifies it.
/// </summary>
public sealed record TargetFact(string Label, Comparator Comparator, decimal TargetValue, decimal? Actual, string? AwaitingCertifier = null);

public sealed record MilestoneFact(string Text, Deadline Due, DateOnly? AchievedOn);

/// <summary>A month whose report was due before the day and was not submitted by then.</summary>
public sealed record OverdueFact(DateOnly Period, DateOnly DueOn);

/// <summary>The light recorded last on or before the day, since when, and whether it is a yellow escalated to red (the light history).</summary>
public sealed record LightSince(Light Light, DateOnly Since, bool Escalated = false);

/// <summary>Everything the rules look at for one project on one day.</summary>
public sealed record ProjectFacts(
    int Year,
    DateOnly? Deadline,
    IReadOnlyList<TargetFact> Targets,
    IReadOnlyList<MilestoneFact> Milestones,
    IReadOnlyList<OverdueFact> OverdueReports,
    bool HasAnyReport,
    LightSince? Recorded,
    ProjectState State = ProjectState.Active);

/// <summary>A project's assessment on a day.</summary>
public sealed record ProjectAssessment(
    DateOnly AsOf,
    ProjectStatus Status,
    Light Light,
    IReadOnlyList<LightReason> Reasons,
    int? ProgressPercent,
    int ElapsedPercent,
    DateOnly LightSince,
    bool SupervisionSuggested)
{
    /// <summary>What the light history keeps of this assessment.</summary>
    public LightSince ToRecord() => new(Light, LightSince, Reasons.Any(r => r.Code == "ESCALATED"));
}

/// <summary>
/// The rules a supervision office reads in the README ("Status and lights"). Pure: the same facts, day and thresholds
/// always give the same assessment, so any day of the year can be assessed, and tests use a fixed clock.
/// </summary>
public static class StatusRules
{
    public static ProjectAssessment Assess(ProjectFacts facts, DateOnly asOf, StatusThresholds? thresholds = null)
    {
        var t = thresholds ?? StatusThresholds.Default;
        var reasons = new List<LightReason>();

        var elapsed = ElapsedPercent(facts.Year, facts.Deadline, asOf);
        var progress = ProgressPercent(facts.Targets);
        if (facts.State is ProjectState.Suspended or ProjectState.Cancelled)
        {
            // A paused or withdrawn project is not chased: no reasons, no ladder; its light keeps the day it stopped.
            var greenSince = facts.Recorded is { Light: Light.Green, Escalated: false } g && g.Since <= asOf ? g.Since : asOf;
            return new ProjectAssessment(asOf, facts.State == ProjectState.Suspended ? ProjectStatus.Suspended : ProjectStatus.Cancelled,
                Light.Green, [], progress, elapsed, greenSince, false);
        }
        var allMet = facts.Targets.Count > 0 && facts.Targets.All(x => x.Actual is { } a && x.Comparator.IsMet(x.TargetValue, a));

        foreach (var m in facts.Milestones)
        {
            if (Milestone.StateOf(m.Due, m.AchievedOn, asOf) != MilestoneState.Missed) continue;
            var late = asOf.DayNumber - m.Due.Date.DayNumber;
            reasons.Add(new LightReason("MISSED_MILESTONE", late >= t.MissedMilestoneRedDays ? Light.Red : Light.Yellow,
                $"节点未完成：{m.Due}「{m.Text}」，已逾期{late}天"));
        }
        foreach (var o in facts.OverdueReports)
        {
            var late = asOf.DayNumber - o.DueOn.DayNumber;
            reasons.Add(new LightReason("OVERDUE_REPORT", late >= t.OverdueReportRedDays ? Light.Red : Light.Yellow,
                $"{o.Period.Month}月报告未报送（应于{o.DueOn.Month}月{o.DueOn.Day}日前报送），已逾期{late}天"));
        }
        if (!allMet && progress is { } p)
        {
            var gap = elapsed - p;
            if (gap >= t.AtRiskGapPoints)
                reasons.Add(new LightReason("BEHIND_SCHEDULE", gap >= t.LaggingGapPoints ? Light.Red : Light.Yellow,
                    $"目标完成{p}%，时间已过{elapsed}%，落后{gap}个百分点"));
        }
        else if (!allMet && !facts.HasAnyReport && elapsed >= t.AtRiskGapPoints)
        {
            reasons.Add(new LightReason("NOT_STARTED", elapsed >= t.LaggingGapPoints ? Light.Red : Light.Yellow,
                $"时间已过{elapsed}%，尚无报送进展"));
        }

        // Met, but not yet certified where the rules want it: on track, not completed — said as a reason, not as a warning.
        var awaiting = allMet ? facts.Targets.Select(x => x.AwaitingCertifier).OfType<string>().Distinct().ToList() : [];
        if (awaiting.Count > 0)
            reasons.Add(new LightReason("AWAITING_CERTIFICATION", Light.Green, $"目标已完成，待{string.Join("、", awaiting)}核定"));

        var light = reasons.Count == 0 ? Light.Green : reasons.Max(r => r.Light);

        // The ladder. A light continues the recorded one when it is the same ("red since March"), else it starts on the
        // day. A yellow that lasts escalates to red, and stays red while it is yellow underneath; a red proposes 督办.
        var recorded = facts.Recorded is { } r && r.Since <= asOf ? r : null;
        var since = recorded is not null && recorded.Light == light && !recorded.Escalated ? recorded.Since : asOf;
        var escalated = false;
        if (light == Light.Yellow && recorded is { Light: Light.Red, Escalated: true })
        {
            (since, escalated) = (recorded.Since, true);
        }
        else if (light == Light.Yellow && recorded is { Light: Light.Yellow } && asOf.DayNumber - recorded.Since.DayNumber >= t.YellowEscalationDays)
        {
            (since, escalated) = (recorded.Since.AddDays(t.YellowEscalationDays), true);
        }
        if (escalated)
        {
            reasons.Add(new LightReason("ESCALATED", Light.Red, $"黄灯持续{t.YellowEscalationDays}天以上，自{since.Month}月{since.Day}日升为红灯"));
            light = Light.Red;
        }
        var suggested = light == Light.Red && asOf.DayNumber - since.DayNumber >= t.RedSupervisionDays;

        var status = allMet && awaiting.Count > 0 ? ProjectStatus.OnTrack
            : allMet
            ? (AveragePercent(facts.Targets) >= t.ExceededPercent ? ProjectStatus.Exceeded : ProjectStatus.Completed)
            : !facts.HasAnyReport && progress is null or 0 && light != Light.Red ? ProjectStatus.NotStarted
            : light switch { Light.Red => ProjectStatus.Lagging, Light.Yellow => ProjectStatus.AtRisk, _ => ProjectStatus.OnTrack };

        return new ProjectAssessment(asOf, status, light, reasons, progress, elapsed, since, suggested);
    }

    /// <summary>The share of the project's time gone: from 1 January of the plan's year to its deadline (31 December without one).</summary>
    public static int ElapsedPercent(int year, DateOnly? deadline, DateOnly asOf)
    {
        var start = new DateOnly(year, 1, 1);
        var end = deadline is { } d && d > start ? d : new DateOnly(year, 12, 31);
        if (asOf < start) return 0;
        if (asOf >= end) return 100;
        return (int)Math.Round(100.0 * (asOf.DayNumber - start.DayNumber + 1) / (end.DayNumber - start.DayNumber + 1));
    }

    /// <summary>
    /// Progress over the targets that have a quantity to reach (each counted at most 100 %); targets to stay under
    /// (不高于) say nothing of progress. Null when there is no such target.
    /// </summary>
    public static int? ProgressPercent(IReadOnlyList<TargetFact> targets) =>
        Measured(targets) is { Count: > 0 } counted ? (int)Math.Floor(counted.Average(x => Math.Min(1m, Share(x))) * 100) : null;

    /// <summary>How far the targets were reached on average, beyond 100 % too (for "exceeded").</summary>
    private static int AveragePercent(IReadOnlyList<TargetFact> targets) =>
        Measured(targets) is { Count: > 0 } counted ? (int)Math.Floor(counted.Average(Share) * 100) : 100;

    private static List<TargetFact> Measured(IReadOnlyList<TargetFact> targets) =>
        targets.Where(x => x.Comparator != Comparator.AtMost && x.TargetValue > 0).ToList();

    private static decimal Share(TargetFact target) => (target.Actual ?? 0) / target.TargetValue;
}
