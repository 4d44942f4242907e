using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Plugins.Abstractions;
using Minsheng.Tenancy;

namespace Minsheng.Application.Plugins;

/// <summary>A certifying unit's decision on a target's figure.</summary>
public sealed record CertificationRow(Guid IndicatorId, Guid UnitId, CertificationDecision Decision, decimal Value, string? Reason,
    string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// Certification (核定) of reported figures, by the rules of the tenant's plugins: which unit named on a project certifies
/// which of its targets. The unit certifies the latest signed-off figure — which freezes it (the database refuses any
/// other figure for the target until the unit queries it) — or queries it with a reason. Until every target a policy
/// names is certified at its figure, a project whose targets are met is not counted as completed.
/// </summary>
public sealed class Certifications(UnitOfWork uow, ICallerAccessor callers, CertificationRules certificationRules)
{
    public Task<Guid> DecideAsync(Guid indicatorId, CertificationDecision decision, string? reason, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var rules = certificationRules.Current ?? throw DomainException.Invalid("indicatorId", "None of the tenant's plugins certifies figures.");
        var indicator = await db.Indicators.FindOwnAsync(indicatorId, ct);
        // One decision on a project at a time: each sees the one before it.
        var project = await db.LockProjectAsync(indicator.ProjectId, ct);
        var certifiers = await (from pu in db.ProjectUnits
                                join u in db.Units on pu.UnitId equals u.Id
                                where pu.ProjectId == project.Id && pu.Role == ProjectUnitRole.Certifier
                                orderby pu.Position
                                select new CertifierUnit(u.Id, u.Name)).ToListAsync(ct);
        var targets = await db.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Position)
            .Select(i => new CertificationTarget(i.Position, i.Label, i.Unit)).ToListAsync(ct);
        var requirement = rules(new CertificationSubject(project.Name, certifiers, targets)).FirstOrDefault(r => r.Position == indicator.Position)
            ?? throw DomainException.Invalid("indicatorId", $"「{indicator.Label}」 needs no certification under the tenant's rules (is a certifying unit named on the project?).");
        var caller = callers.Current;
        if (caller.Kind != CallerKind.Developer && !caller.UnitIds.Contains(requirement.Certifier.Id))
            throw new DomainException(DomainErrorKind.Forbidden, $"Only {requirement.Certifier.Name} certifies 「{indicator.Label}」.");

        // The figure decided on: the latest one a unit head signed off.
        var figure = await (from a in db.ReportActuals
                            join r in db.ProgressReports on a.ReportId equals r.Id
                            where a.IndicatorId == indicatorId && (r.Status == Domain.Reports.ReportStatus.Approved || r.Status == Domain.Reports.ReportStatus.Accepted)
                            orderby r.Period descending
                            select (decimal?)a.Value).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Invalid("indicatorId", $"「{indicator.Label}」 has no signed-off figure to certify yet.");
        var latest = await db.TargetCertifications.Where(c => c.IndicatorId == indicatorId).OrderByDescending(c => c.DecidedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Decision == decision && latest.Value == figure)
            throw DomainException.Conflict($"「{indicator.Label}」 was already {(decision == CertificationDecision.Certified ? "certified" : "queried")} at {figure:0.####}.");

        var certification = new TargetCertification(project.Id, indicatorId, requirement.Certifier.Id, decision, figure, reason, callers.Current.ActorId,
            uow.Clock.GetUtcNow());
        db.TargetCertifications.Add(certification);
        uow.Audit(decision == CertificationDecision.Certified ? "certify" : "query", nameof(TargetCertification), indicatorId,
            latest is null ? null : new { latest.Decision, latest.Value, latest.Reason },
            new { certification.Decision, certification.Value, certification.Reason, Unit = requirement.Certifier.Name });
        return indicatorId;
    }, ct);
}

/// <summary>
/// Which unit certifies which targets under the current tenant's plugins (the first policy to name a target decides its
/// certifier); null when none of them certifies. Apart from <see cref="Certifications"/>, which writes: the read path
/// (assessments, a target's certifier) asks it on every page, and needs no unit of work for that.
/// </summary>
public sealed class CertificationRules(ExtensionPoint<ICertificationPolicy> policies)
{
    private bool _resolved;
    private Func<CertificationSubject, IReadOnlyList<CertificationRequirement>>? _current;

    public Func<CertificationSubject, IReadOnlyList<CertificationRequirement>>? Current
    {
        get
        {
            if (_resolved) return _current;
            var current = policies.ForCurrentTenant();
            _current = current.Count == 0 ? null
                : subject => current.SelectMany(p => p.Requirements(subject)).DistinctBy(r => r.Position).OrderBy(r => r.Position).ToList();
            _resolved = true;
            return _current;
        }
    }
}

/// <summary>Each target's certification decisions, latest first.</summary>
public sealed class CertificationsByIndicatorLoader(ReadSession session) : ByParentLoader<CertificationRow>(session,
    keys => $"""
    SELECT c.indicator_id, c.unit_id, c.decision, c.value, nullif(c.reason, ''), c.decided_by, c.decided_at
    FROM target_certifications c
    WHERE c.tenant_id = $1 AND c.indicator_id = ANY({keys}) ORDER BY c.indicator_id, c.decided_at DESC, c.id DESC
    """,
    r => new CertificationRow(r.GetGuid(0), r.GetGuid(1), Enum.Parse<CertificationDecision>(r.GetString(2)), r.GetDecimal(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)),
    c => c.IndicatorId);
