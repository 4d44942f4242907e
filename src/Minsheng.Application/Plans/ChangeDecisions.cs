using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Plans;

/// <summary>
/// A change to a published project, as decided: the new target (value, and unit or comparator if they change) or
/// deadline, or the new state; with reason, approver, the standing committee's reference where required, and the day.
/// </summary>
public sealed record ChangeRequest(Guid ProjectId, ChangeKind Kind, string Reason, string Approver, string? CongressReference, DateOnly DecidedOn,
    Guid? IndicatorId = null, decimal? TargetValue = null, string? Unit = null, Comparator? Comparator = null, Deadline? Deadline = null);

/// <summary>A recorded change decision as the API shows it; <see cref="Before"/> and <see cref="After"/> are the changed fields as JSON.</summary>
public sealed record ChangeDecisionRow(Guid Id, Guid ProjectId, Guid? IndicatorId, ChangeKind Kind, string Reason, string Approver,
    string? CongressReference, DateOnly DecidedOn, string Before, string After, string RecordedBy, DateTimeOffset RecordedAt)
{
    internal const string Columns =
        "d.id, d.project_id, d.indicator_id, d.kind, d.reason, d.approver, d.congress_reference, d.decided_on, d.before::text, d.after::text, d.recorded_by, d.recorded_at";

    internal static ChangeDecisionRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetGuid(2), Enum.Parse<ChangeKind>(r.GetString(3)), r.GetString(4), r.GetString(5),
        Sql.NullableString(r, 6), r.GetFieldValue<DateOnly>(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetFieldValue<DateTimeOffset>(11));
}

/// <summary>A project's change decisions, oldest first: read in order, they give every earlier version of what was promised.</summary>
public sealed class ChangeDecisionsByProjectLoader(ReadSession session) : ByParentLoader<ChangeDecisionRow>(session,
    keys => $"SELECT {ChangeDecisionRow.Columns} FROM change_decisions d WHERE d.tenant_id = $1 AND d.project_id = ANY({keys}) ORDER BY d.project_id, d.recorded_at, d.id",
    ChangeDecisionRow.Read, d => d.ProjectId);

/// <summary>
/// Change control of a published plan: a target, a deadline, a pause, a resumption or a cancellation is recorded as a
/// decision and applied in the same transaction; ordinary edits of those are refused once the plan is published
/// (<see cref="PublishedPlanGuard"/>). A draft plan is simply edited.
/// </summary>
public sealed class ChangeDecisionCommands(UnitOfWork uow, ICallerAccessor callers)
{
    public Task<Guid> DecideAsync(ChangeRequest change, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var project = await db.LockProjectAsync(change.ProjectId, ct);
        var plan = await db.Plans.FindOwnAsync(project.PlanId, ct);
        if (plan.Status == PlanStatus.Draft)
            throw DomainException.IllegalTransition("This plan is still a draft: edit it directly; change decisions are for a published plan.");
        if (ChangeDecision.NeedsCongressReference(change.Kind, plan) && string.IsNullOrWhiteSpace(change.CongressReference))
            throw DomainException.Invalid("congressReference",
                "This plan was voted by the people's congress: adjusting a target or cancelling a project needs its standing committee's decision (e.g. 县人大常委会〔2024〕5号).");
        if (change.DecidedOn > uow.Clock.Today())
            throw DomainException.Invalid("decidedOn", "A decision is recorded once it has been taken; its day cannot be in the future.");

        var projectBefore = UnitOfWork.Snapshot(project);
        object before, after;
        Guid? indicatorId = null;
        switch (change.Kind)
        {
            case ChangeKind.TargetAdjusted:
                var indicator = change.IndicatorId is { } iid ? await db.Indicators.FindOwnAsync(iid, ct)
                    : throw DomainException.Invalid("indicatorId", "A target adjustment names the target.");
                if (indicator.ProjectId != project.Id) throw DomainException.Invalid("indicatorId", "That target belongs to another project.");
                if (change.TargetValue is null && change.Unit is null && change.Comparator is null)
                    throw DomainException.Invalid("targetValue", "A target adjustment gives the new value (or unit, or comparator).");
                before = TargetOf(indicator);
                var indicatorBefore = UnitOfWork.Snapshot(indicator);
                indicator.Update(indicator.Label, change.Comparator ?? indicator.Comparator,
                    new Quantity(change.TargetValue ?? indicator.TargetValue, change.Unit ?? indicator.Unit), indicator.SourcePhrase);
                after = TargetOf(indicator);
                indicatorId = indicator.Id;
                uow.Audit("change", nameof(Indicator), indicator.Id, indicatorBefore, indicator);
                break;
            case ChangeKind.DeadlineMoved:
                var deadline = change.Deadline ?? throw DomainException.Invalid("deadline", "A deadline change gives the new deadline.");
                before = DeadlineOf(project.Deadline);
                project.MoveDeadline(deadline);
                after = DeadlineOf(deadline);
                uow.Audit("change", nameof(Project), project.Id, projectBefore, project);
                break;
            default:
                var to = change.Kind switch
                {
                    ChangeKind.Suspended => ProjectState.Suspended,
                    ChangeKind.Resumed => ProjectState.Active,
                    _ => ProjectState.Cancelled,
                };
                before = new { state = project.State };
                project.ChangeState(to);
                after = new { state = project.State };
                uow.Audit("change", nameof(Project), project.Id, projectBefore, project);
                break;
        }
        if (JsonSerializer.Serialize(before, StoredJson.Options) == JsonSerializer.Serialize(after, StoredJson.Options))
            throw DomainException.Invalid("kind", "The decision changes nothing: the project already has what it decides.");

        var decision = new ChangeDecision(project.Id, indicatorId, change.Kind, change.Reason, change.Approver, change.CongressReference,
            change.DecidedOn, JsonSerializer.Serialize(before, StoredJson.Options), JsonSerializer.Serialize(after, StoredJson.Options), callers.Current.ActorId, uow.Clock.GetUtcNow());
        db.ChangeDecisions.Add(decision);
        uow.Audit("decide", nameof(ChangeDecision), decision.Id, null, decision);
        return decision.Id;
    }, ct);

    private static object DeadlineOf(Deadline? d) => new { date = d?.Date, precision = d?.Precision, text = d?.ToString() };

    // Normalized: 12.0000 read from numeric(20,4) and the caller's 12 are one value.
    private static object TargetOf(Indicator i) => new { label = i.Label, comparator = i.Comparator, targetValue = Sql.Normalize(i.TargetValue), unit = i.Unit };
}

/// <summary>Once a plan is published, what it promised changes only by a recorded decision.</summary>
internal static class PublishedPlanGuard
{
    public static async Task RefuseEditAsync(MinshengDbContext db, Guid projectId, string field, string what, CancellationToken ct)
    {
        var status = await db.Projects.Where(p => p.Id == projectId)
            .Join(db.Plans, p => p.PlanId, pl => pl.Id, (p, pl) => pl.Status).SingleAsync(ct);
        if (status != PlanStatus.Draft)
            throw DomainException.DecisionRequired(field,
                $"{what} of a published plan changes only by a change decision (decideProjectChange), which records the reason and the approver and keeps the earlier version.");
    }
}
