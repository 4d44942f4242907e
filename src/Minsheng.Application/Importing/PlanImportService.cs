using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Units;
using Minsheng.Domain.Values;
using Minsheng.Importing;

namespace Minsheng.Application.Importing;

/// <summary>What an import did, or would do on a dry run.</summary>
public sealed record PlanImportOutcome(
    ImportResult Result,
    bool DryRun,
    Guid? PlanId,
    bool AlreadyImported,
    IReadOnlyList<string> CreatedUnits,
    IReadOnlyList<ImportIssue> CommitWarnings,
    int RecordedActuals = 0)
{
    public bool Succeeded => Result.Succeeded && (DryRun || PlanId is not null);

    /// <summary>Each project of the document as the tenant's plugins categorize it (none without such a plugin).</summary>
    public IReadOnlyList<DraftCategorization> Categorizations { get; init; } = [];

    /// <summary>The reading's warnings, the categorizations a person should confirm, then what writing it found.</summary>
    public IEnumerable<ImportIssue> AllWarnings => Result.Warnings
        .Concat(Categorizations.Where(c => c.Categorization.Doubtful)
            .Select(c => new ImportIssue("categorization.doubtful", $"{c.Project.Sequence} {c.Project.Name}: {c.Categorization.Explanation}", c.Project.SourceLocation)))
        .Concat(CommitWarnings);
}

/// <summary>A project of a document being imported, as the tenant's plugins categorize it.</summary>
public sealed record DraftCategorization(ProjectDraft Project, Minsheng.Plugins.Abstractions.ProjectCategorization Categorization);

/// <summary>
/// Reads a plan document with the tenant's unit directory and, unless it is a dry run, writes it as a
/// draft plan in one transaction. Re-importing the same file (same SHA-256) creates nothing; an explicit
/// replace rewrites the projects of an existing draft plan.
/// </summary>
public sealed class PlanImportService(UnitOfWork uow, Plugins.ProjectCategorizations categorizations)
{
    public async Task<PlanImportOutcome> ImportAsync(byte[] content, string fileName, bool dryRun, Guid? replacePlanId, CancellationToken ct)
    {
        var outcome = await ReadAndWriteAsync(content, fileName, dryRun, replacePlanId, ct);
        // Categorization and catalog matching, for a person to confirm in the preview (and to see again after writing).
        return outcome.Result.Draft is { } draft && draft.Year is { } year
            ? outcome with { Categorizations = draft.Projects.Select(p => (p, c: categorizations.Categorize(p.Name, p.Content, year,
                p.Targets.Select(t => (t.Label, (decimal?)t.Value, (string?)t.Unit)).ToList())))
                .Where(x => x.c is not null).Select(x => new DraftCategorization(x.p, x.c!)).ToList() }
            : outcome;
    }

    private async Task<PlanImportOutcome> ReadAndWriteAsync(byte[] content, string fileName, bool dryRun, Guid? replacePlanId, CancellationToken ct)
    {
        var directory = await LoadUnitDirectoryAsync(ct);
        var result = new PlanImporter(new ImportOptions { Units = directory }).Read(content, fileName, uow.Clock.GetUtcNow().Year);
        if (dryRun || !result.Succeeded) return new PlanImportOutcome(result, dryRun, null, false, [], []);

        var draft = result.Draft!;
        if (draft.Year is null) throw DomainException.Invalid("content", "The document states no year; it cannot become a plan.");
        if (draft.Kind == PlanKind.CompletionDisclosure) return await RecordDisclosureAsync(result, fileName, replacePlanId, ct);

        var createdUnits = new List<string>();
        var warnings = new List<ImportIssue>();
        var (planId, already) = await uow.RunAsync(async db =>
        {
            var existing = await db.Plans.Where(p => p.SourceDocumentHash == result.Sha256Hex).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } same && replacePlanId is null) return (same, true);

            Plan plan;
            if (replacePlanId is { } replaceId)
            {
                plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == replaceId, ct) ?? throw DomainException.NotFound(nameof(Plan), replaceId);
                if (plan.Status != PlanStatus.Draft) throw DomainException.Conflict("Only a draft plan can be replaced by an import; this one is " + plan.Status + ".");
                if (existing is { } other && other != replaceId) throw DomainException.Conflict("This document was already imported as another plan.");
                // Milestones first: they may reference targets of sibling projects' cascades.
                var oldProjects = db.Projects.Where(p => p.PlanId == replaceId).Select(p => p.Id);
                await db.Milestones.Where(m => oldProjects.Contains(m.ProjectId)).ExecuteDeleteAsync(ct);
                await db.Projects.Where(p => p.PlanId == replaceId && p.ParentId != null).ExecuteDeleteAsync(ct);
                await db.Projects.Where(p => p.PlanId == replaceId).ExecuteDeleteAsync(ct);
            }
            else
            {
                plan = new Plan(draft.Year.Value, draft.Title ?? Path.GetFileNameWithoutExtension(fileName));
                db.Plans.Add(plan);
            }
            plan.Update(draft.Year.Value, draft.Title ?? plan.Title, draft.Issuer, draft.DocumentNumber, draft.IssuedOn, draft.Approval);
            plan.SetSource(fileName, result.Sha256Hex);

            var units = await db.Units.ToListAsync(ct);
            AddProjects(db, plan.Id, draft.Projects, units, createdUnits, warnings);
            uow.Audit(replacePlanId is null ? "import" : "reimport", nameof(Plan), plan.Id, null,
                new { plan, projects = draft.AllProjects().Count(), createdUnits });
            return (plan.Id, false);
        }, ct);

        return new PlanImportOutcome(result, false, planId, already, already ? [] : createdUnits, warnings);
    }

    /// <summary>
    /// A year-end 完成情况 disclosure: its actual figures are recorded against the plan of that year (the one
    /// named, which must be of the same year, or the tenant's only plan of the year; without one, a plan is
    /// created from the disclosure's own targets). Each figure goes into the project's December report,
    /// matched to a target of the same unit; a report the unit already filed keeps its status and text and
    /// only gains or updates the figures the disclosure states. Importing it again updates the same figures.
    /// </summary>
    private async Task<PlanImportOutcome> RecordDisclosureAsync(ImportResult result, string fileName, Guid? planId, CancellationToken ct)
    {
        var draft = result.Draft!;
        var year = draft.Year!.Value;
        var createdUnits = new List<string>();
        var warnings = new List<ImportIssue>();
        var recorded = 0;
        var id = await uow.RunAsync(async db =>
        {
            Plan? plan;
            if (planId is { } given)
            {
                plan = await db.Plans.FindOwnAsync(given, ct);
                if (plan.Year != year)
                    throw DomainException.Invalid("replacePlanId", $"The disclosure reports on {year}; the plan named is for {plan.Year}.");
            }
            else
            {
                var ofYear = await db.Plans.Where(p => p.Year == year).ToListAsync(ct);
                if (ofYear.Count > 1)
                    throw DomainException.Invalid("replacePlanId", $"The tenant has {ofYear.Count} plans for {year}; name the one this disclosure reports on.");
                plan = ofYear.SingleOrDefault();
            }

            List<Project> planProjects;
            List<Indicator> indicators;
            if (plan is null)
            {
                // No plan to report on: the disclosure's own numbered targets become the plan.
                plan = new Plan(year, draft.Title ?? $"{year}年民生实事完成情况");
                plan.Update(year, plan.Title, draft.Issuer, draft.DocumentNumber, draft.IssuedOn, draft.Approval);
                plan.SetSource(fileName, result.Sha256Hex);
                db.Plans.Add(plan);
                var units = await db.Units.ToListAsync(ct);
                AddProjects(db, plan.Id, draft.Projects, units, createdUnits, warnings);
                planProjects = db.ChangeTracker.Entries<Project>().Select(e => e.Entity).ToList();
                indicators = db.ChangeTracker.Entries<Indicator>().Select(e => e.Entity).ToList();
            }
            else
            {
                var currentPlanId = plan.Id;
                planProjects = await db.Projects.Where(p => p.PlanId == currentPlanId).ToListAsync(ct);
                var ids = planProjects.Select(p => p.Id).ToList();
                indicators = await db.Indicators.Where(i => ids.Contains(i.ProjectId)).ToListAsync(ct);
            }

            // December reports and their figures, loaded once: several disclosure items may land on one project.
            var period = new DateOnly(year, 12, 1);
            var projectIds = planProjects.Select(p => p.Id).ToList();
            var reports = (await db.ProgressReports.Where(r => projectIds.Contains(r.ProjectId) && r.Period == period).ToListAsync(ct))
                .ToDictionary(r => r.ProjectId);
            var reportIds = reports.Values.Select(r => r.Id).ToList();
            var actuals = await db.ReportActuals.Where(a => reportIds.Contains(a.ReportId)).ToListAsync(ct);
            var usedIndicators = new HashSet<Guid>();

            foreach (var disclosed in draft.AllProjects().Where(p => p.Targets.Any(t => t.Actual is not null)))
            {
                var match = DisclosureMatching.FindProject(disclosed, planProjects);
                if (match is null)
                {
                    warnings.Add(new ImportIssue("disclosure.project-unmatched", $"No project of the plan clearly matches '{disclosed.Name}'; its actuals were not recorded.", disclosed.SourceLocation));
                    continue;
                }
                var project = match.Project;
                if (!match.Exact)
                    warnings.Add(new ImportIssue("disclosure.project-fuzzy", $"'{disclosed.Name}' was taken to be project {project.Sequence} '{project.Name}'.", disclosed.SourceLocation));

                if (!reports.TryGetValue(project.Id, out var report))
                {
                    report = new ProgressReport(project.Id, year, 12);
                    report.RecordAs(ReportStatus.Accepted, uow.Clock.GetUtcNow());
                    report.Record(disclosed.CompletionText);
                    db.ProgressReports.Add(report);
                    reports[project.Id] = report;
                }
                foreach (var target in disclosed.Targets.Where(t => t.Actual is not null))
                {
                    var indicator = DisclosureMatching.FindIndicator(target, indicators.Where(i => i.ProjectId == project.Id && !usedIndicators.Contains(i.Id)));
                    if (indicator is null)
                    {
                        warnings.Add(new ImportIssue("disclosure.target-unmatched",
                            $"Project {project.Sequence} '{project.Name}': no target in {target.Unit} matches '{target.SourcePhrase}'; its actual was not recorded.", disclosed.SourceLocation));
                        continue;
                    }
                    try
                    {
                        // The figure in the plan target's own unit: 4.75亿元 against a target kept in 万元 is 47500.
                        var value = MeasureUnits.Convert(target.Actual!.Value, target.Unit, indicator.Unit) ?? target.Actual.Value;
                        var existing = actuals.FirstOrDefault(a => a.ReportId == report.Id && a.IndicatorId == indicator.Id);
                        if (existing is null)
                        {
                            var actual = new ReportActual(report.Id, indicator.Id, value);
                            db.ReportActuals.Add(actual);
                            actuals.Add(actual);
                        }
                        else
                        {
                            uow.Audit("revise-actual", nameof(ReportActual), report.Id, new { existing.IndicatorId, existing.Value }, new { existing.IndicatorId, Value = value });
                            existing.Revise(value);
                        }
                        usedIndicators.Add(indicator.Id);
                        recorded++;
                    }
                    catch (DomainException e)
                    {
                        warnings.Add(new ImportIssue("disclosure.actual-skipped", $"Project {project.Sequence}: '{target.ActualPhrase}' was not recorded: {e.Message}", disclosed.SourceLocation));
                    }
                }
            }
            uow.Audit("import-disclosure", nameof(Plan), plan.Id, null, new { file = fileName, result.Sha256Hex, recorded });
            return plan.Id;
        }, ct);
        return new PlanImportOutcome(result, false, id, false, createdUnits, warnings, recorded);
    }

    /// <summary>The draft's projects and their sub-items, numbered in annex order.</summary>
    private static void AddProjects(Data.MinshengDbContext db, Guid planId, IEnumerable<ProjectDraft> projects,
        List<Unit> units, List<string> createdUnits, List<ImportIssue> warnings)
    {
        var sortOrder = 0;
        foreach (var project in projects)
        {
            var parent = AddProject(db, planId, null, ++sortOrder, project, units, createdUnits, warnings);
            foreach (var sub in project.SubItems) AddProject(db, planId, parent, ++sortOrder, sub, units, createdUnits, warnings);
        }
    }

    private static Guid AddProject(Data.MinshengDbContext db, Guid planId, Guid? parentId, int sortOrder, ProjectDraft draft,
        List<Unit> units, List<string> createdUnits, List<ImportIssue> warnings)
    {
        var project = new Project(planId, sortOrder, new ProjectDetails(
            Sequence: Truncate(draft.Sequence, 20)!,
            Name: Truncate(draft.Name, 300)!,
            Content: draft.Content,
            InvestmentYuan: draft.InvestmentYuan,
            InvestmentText: Truncate(draft.InvestmentText, 300),
            CommandHeadquarters: Truncate(draft.CommandHeadquarters, 200),
            ResponsibleLeader: Truncate(draft.ResponsibleLeader, 100),
            Deadline: draft.Deadline,
            Remarks: draft.Remarks), parentId);
        db.Projects.Add(project);

        AddUnits(db, project.Id, ProjectUnitRole.Lead, draft.LeadUnits, units, createdUnits);
        AddUnits(db, project.Id, ProjectUnitRole.Co, draft.CoUnits, units, createdUnits);
        AddUnits(db, project.Id, ProjectUnitRole.Certifier, draft.CertificationUnits, units, createdUnits);

        var indicatorIds = new Guid?[draft.Targets.Count];
        for (var i = 0; i < draft.Targets.Count; i++)
        {
            var target = draft.Targets[i];
            try
            {
                var indicator = new Indicator(project.Id, i, Truncate(target.Label, 300)!, target.Comparator, new Quantity(target.Value, target.Unit), target.SourcePhrase);
                db.Indicators.Add(indicator);
                indicatorIds[i] = indicator.Id;
            }
            catch (DomainException e)
            {
                // One unusable figure should not block the plan: the clerk sees it and can add the target by hand.
                warnings.Add(new ImportIssue("target.skipped", $"Project {draft.Sequence}: target '{target.SourcePhrase}' was not kept: {e.Message}", draft.SourceLocation));
            }
        }
        foreach (var milestone in draft.Milestones)
        {
            var indicatorId = milestone.TargetIndex is { } t && t < indicatorIds.Length ? indicatorIds[t] : null;
            db.Milestones.Add(new Milestone(project.Id, milestone.Due, milestone.Text, indicatorId, indicatorId is null ? null : milestone.CumulativeValue));
        }
        return project.Id;
    }

    private static void AddUnits(Data.MinshengDbContext db, Guid projectId, ProjectUnitRole role, List<string> names, List<Unit> units, List<string> createdUnits)
    {
        var position = 0;
        var seen = new HashSet<Guid>();
        foreach (var name in names)
        {
            var clean = Truncate(name.Trim(), Unit.MaxNameLength)!;
            if (clean.Length == 0) continue;
            var unit = units.FirstOrDefault(u => u.IsKnownAs(clean));
            if (unit is null)
            {
                // Unknown units are proposed into the directory; the result lists them for the clerk to review or merge.
                unit = new Unit(clean);
                units.Add(unit);
                db.Units.Add(unit);
                createdUnits.Add(unit.Name);
            }
            if (seen.Add(unit.Id)) db.ProjectUnits.Add(new ProjectUnit(projectId, unit.Id, role, position++));
        }
    }

    private async Task<IUnitDirectory> LoadUnitDirectoryAsync(CancellationToken ct)
    {
        var units = await uow.ReadAsync(db => db.Units.AsNoTracking().Select(u => new { u.Name, u.Aliases }).ToListAsync(ct), ct);
        return new UnitDirectory(units.Select(u => new KeyValuePair<string, IEnumerable<string>>(u.Name, u.Aliases)));
    }

    private static string? Truncate(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
