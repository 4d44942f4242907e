using Minsheng.Application.Reports;
using Minsheng.Application.Supervision;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Bulletins;

public sealed record LaggingEntry(string Sequence, string Name, string? LeadUnit, int? ProgressPercent, int ElapsedPercent, string Light, IReadOnlyList<string> Reasons);

public sealed record UnitRankEntry(int Rank, string Unit, int Projects, int AverageProgressPercent, int Red, int Yellow, int OverdueReports);

public sealed record OverdueEntry(string Sequence, string Name, string? LeadUnit, string Period, DateOnly DueOn);

public sealed record NoticeFigures(int Issued, int Open, int Closed, int Escalated, int Overdue);

/// <summary>A target as disclosed; <see cref="CertifiedBy"/> names the unit that certified the achieved figure, if one did.</summary>
public sealed record DisclosureTarget(string Label, string Comparator, decimal TargetValue, string Unit, decimal? Achieved, int? CompletionPercent, bool Met,
    string? CertifiedBy = null);

public sealed record DisclosureProject(string Sequence, string Name, IReadOnlyList<string> LeadUnits, string State, string Status, IReadOnlyList<DisclosureTarget> Targets);

public sealed record DisclosureSection(string Category, string Heading, IReadOnlyList<DisclosureProject> Projects);

/// <summary>
/// The numbers a bulletin states, kept with it as JSON. Counts are over the plan's top-level projects; those suspended or
/// cancelled are counted apart (<see cref="NotAssessed"/>) and not by light.
/// </summary>
public sealed record BulletinFigures(
    DateOnly AsOf,
    int Projects,
    int NotAssessed,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByLight,
    int CompletedProjects,
    IReadOnlyList<LaggingEntry> Lagging,
    IReadOnlyList<UnitRankEntry> UnitRanking,
    IReadOnlyList<OverdueEntry> OverdueReports,
    NoticeFigures Notices,
    IReadOnlyList<DisclosureSection> Disclosure);

/// <summary>A top-level project of the bulletin's plan, with what the figures need.</summary>
public sealed record BulletinProject(Guid Id, string Sequence, string Name, string? Category, ProjectState State, IReadOnlyList<string> LeadUnits);

public sealed record BulletinTarget(Guid ProjectId, string Label, Comparator Comparator, decimal TargetValue, string Unit, decimal? Achieved,
    string? CertifiedBy = null);

/// <summary>Computes a bulletin's figures from what was read; pure, so a test can hold it against the data.</summary>
public static class BulletinFigureRules
{
    public static BulletinFigures Compute(DateOnly asOf, IReadOnlyList<BulletinProject> projects, IReadOnlyDictionary<Guid, ProjectAssessment> assessments,
        IReadOnlyList<BulletinTarget> targets, IReadOnlyList<OverdueReportRow> overdue, IReadOnlyList<NoticeRow> notices)
    {
        var byId = projects.ToDictionary(p => p.Id);
        var assessed = projects.Where(p => p.State is ProjectState.Active or ProjectState.ClosedOut && assessments.ContainsKey(p.Id)).ToList();
        var byStatus = Enum.GetValues<ProjectStatus>().ToDictionary(s => s.ToString(), s => projects.Count(p => assessments.TryGetValue(p.Id, out var a) && a.Status == s));
        var byLight = Enum.GetValues<Light>().ToDictionary(l => l.ToString(), l => assessed.Count(p => assessments[p.Id].Light == l));

        var lagging = assessed.Where(p => assessments[p.Id].Status == ProjectStatus.Lagging)
            .Select(p => new LaggingEntry(p.Sequence, p.Name, p.LeadUnits.FirstOrDefault(), assessments[p.Id].ProgressPercent, assessments[p.Id].ElapsedPercent,
                assessments[p.Id].Light.ToString(), assessments[p.Id].Reasons.Select(r => r.Message).ToList()))
            .ToList();

        var overdueHere = overdue.Where(o => byId.ContainsKey(o.ProjectId)).ToList();
        var ranking = assessed.Where(p => p.LeadUnits.Count > 0).GroupBy(p => p.LeadUnits[0])
            .Select(g => new
            {
                Unit = g.Key,
                Projects = g.Count(),
                Average = (int)Math.Round(g.Average(p => (double)(assessments[p.Id].ProgressPercent ?? 0)), MidpointRounding.AwayFromZero),
                Red = g.Count(p => assessments[p.Id].Light == Light.Red),
                Yellow = g.Count(p => assessments[p.Id].Light == Light.Yellow),
                Overdue = overdueHere.Count(o => byId[o.ProjectId].LeadUnits.FirstOrDefault() == g.Key),
            })
            .OrderByDescending(u => u.Average).ThenBy(u => u.Red).ThenBy(u => u.Overdue).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .Select((u, i) => new UnitRankEntry(i + 1, u.Unit, u.Projects, u.Average, u.Red, u.Yellow, u.Overdue))
            .ToList();

        var overdueEntries = overdueHere.Select(o => new OverdueEntry(byId[o.ProjectId].Sequence, byId[o.ProjectId].Name, byId[o.ProjectId].LeadUnits.FirstOrDefault(),
            o.Period.ToString("yyyy-MM"), o.DueOn)).ToList();

        // The notices as they stood on the bulletin's day, not as they are when it is generated.
        var ownNotices = notices.Where(n => byId.ContainsKey(n.ProjectId)).Select(n => n.AsOf(asOf)).OfType<NoticeRow>().ToList();
        var noticeFigures = new NoticeFigures(ownNotices.Count, ownNotices.Count(n => n.Status is NoticeStatus.Issued or NoticeStatus.Acknowledged or NoticeStatus.Replied),
            ownNotices.Count(n => n.Status == NoticeStatus.Closed), ownNotices.Count(n => n.Status == NoticeStatus.Escalated), ownNotices.Count(n => n.IsOverdue(asOf)));

        var targetsOf = targets.ToLookup(t => t.ProjectId);
        var sections = projects.GroupBy(p => p.Category ?? "local")
            .OrderBy(g => CategoryOrder(g.Key))
            .Select(g => new DisclosureSection(g.Key, CategoryHeading(g.Key), g.Select(p => new DisclosureProject(p.Sequence, p.Name, p.LeadUnits, p.State.ToString(),
                assessments.TryGetValue(p.Id, out var a) ? a.Status.ToString() : "", targetsOf[p.Id].Select(Disclose).ToList())).ToList()))
            .ToList();

        return new BulletinFigures(asOf, projects.Count, projects.Count - assessed.Count, byStatus, byLight,
            assessed.Count(p => assessments[p.Id].Status is ProjectStatus.Completed or ProjectStatus.Exceeded),
            lagging, ranking, overdueEntries, noticeFigures, sections);
    }

    private static DisclosureTarget Disclose(BulletinTarget t)
    {
        var met = t.Achieved is { } a && t.Comparator.IsMet(t.TargetValue, a);
        int? percent = t.Achieved is not { } actual ? null
            : t.Comparator == Comparator.AtMost ? (met ? 100 : null)
            : t.TargetValue == 0 ? null
            : (int)Math.Min(Math.Round(actual / t.TargetValue * 100m, MidpointRounding.AwayFromZero), 1_000_000m);
        return new DisclosureTarget(t.Label, t.Comparator.ToString(), t.TargetValue, t.Unit, t.Achieved, percent, met, t.CertifiedBy);
    }

    private static int CategoryOrder(string category) => category switch { "provincial" => 0, "municipal" => 1, "local" => 2, _ => 3 };

    /// <summary>The usual headings of a disclosure; a plugin's own category codes are shown as they are.</summary>
    public static string CategoryHeading(string category) => category switch
    {
        "provincial" => "省定民生实事",
        "municipal" => "市定民生实事",
        "local" => "本级民生实事",
        _ => category,
    };
}
