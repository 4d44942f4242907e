using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Plugins.Abstractions;

namespace Minsheng.Application.Plugins;

/// <summary>A target of a project counted in roll-ups under a catalog target's aggregation key.</summary>
public sealed record CatalogLinkRow(Guid ProjectId, Guid IndicatorId, string TaskKey, string AggregationKey, string Unit, decimal Factor, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>
/// A person's decision on what the tenant's plugins suggest: count a project's matching targets in the higher levels'
/// roll-ups, or stop counting them. A plugin's match alone counts nowhere — region figures add up only what was
/// confirmed here — so a doubtful match can never slip into a province's totals unseen.
/// </summary>
public sealed class CatalogLinking(UnitOfWork uow, ProjectCategorizations categorizations, ActorAccessor actor)
{
    public Task<IReadOnlyList<Guid>> ConfirmAsync(IReadOnlyList<Guid> projectIds, bool count, CancellationToken ct)
    {
        if (projectIds.Count == 0) throw DomainException.Invalid("projectIds", "Name at least one project.");
        if (projectIds.Count > 500) throw DomainException.Invalid("projectIds", "At most 500 projects at a time.");
        var ids = projectIds.Distinct().ToList();
        return uow.RunAsync<IReadOnlyList<Guid>>(async db =>
        {
            // Through the tenant filter: another tenant's project is not found, and nothing is written.
            var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            if (ids.Except(projects.Select(p => p.Id)).Take(1).ToList() is [var missing]) throw DomainException.NotFound(nameof(Project), missing);
            var planIds = projects.Select(p => p.PlanId).Distinct().ToList();
            var years = await db.Plans.Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Year, ct);
            var targets = (await db.Indicators.Where(i => ids.Contains(i.ProjectId)).ToListAsync(ct))
                .GroupBy(i => i.ProjectId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Position).ToList());
            var existing = (await db.CatalogLinks.AsNoTracking().Where(l => ids.Contains(l.ProjectId)).ToListAsync(ct)).ToLookup(l => l.ProjectId);
            // One statement for what was counted before; the new links are added after it (the unique index on the target
            // must never see an old and a new link at once).
            await db.CatalogLinks.Where(l => ids.Contains(l.ProjectId)).ExecuteDeleteAsync(ct);
            var now = uow.Clock.GetUtcNow();

            foreach (var project in projects)
            {
                var own = targets.GetValueOrDefault(project.Id) ?? [];
                var links = new List<CatalogLink>();
                if (count)
                {
                    var found = categorizations.Categorize(project.Name, project.Content, years[project.PlanId],
                        own.Select(t => (t.Label, (decimal?)t.TargetValue, (string?)t.Unit)).ToList());
                    if (found?.Task is not { } task)
                        throw DomainException.Invalid("projectIds", $"{project.Sequence} {project.Name}: the tenant's plugins match it to no higher-level task, so none of its targets can be counted.");
                    links = found.Targets.Where(m => m.Position < own.Count)
                        .Select(m => new CatalogLink(project.Id, own[m.Position].Id, task.Key, m.AggregationKey, own[m.Position].Unit, m.Factor, actor.Name, now))
                        .ToList();
                    if (links.Count == 0)
                        throw DomainException.Invalid("projectIds", $"{project.Sequence} {project.Name}: it matches '{task.Name}', but none of its targets matches that task's targets.");
                }
                var before = existing[project.Id].ToList();
                db.CatalogLinks.AddRange(links);
                uow.Audit(count ? "count" : "uncount", nameof(CatalogLink), project.Id,
                    before.Select(l => new { l.IndicatorId, l.AggregationKey, l.Factor }), links.Select(l => new { l.IndicatorId, l.AggregationKey, l.Factor }));
            }
            return ids;
        }, ct);
    }
}

/// <summary>A project's targets counted in roll-ups.</summary>
public sealed class CatalogLinksByProjectLoader(ReadSession session) : ByParentLoader<CatalogLinkRow>(session,
    keys => $"""
    SELECT l.project_id, l.indicator_id, l.task_key, l.aggregation_key, l.unit, l.factor, l.linked_by, l.linked_at FROM catalog_links l
    WHERE l.tenant_id = $1 AND l.project_id = ANY({keys}) ORDER BY l.project_id, l.aggregation_key
    """,
    r => new CatalogLinkRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDecimal(5), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7)),
    l => l.ProjectId);
