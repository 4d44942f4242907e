using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Supervision;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Supervision;

/// <summary>A 督办 notice as the API shows it.</summary>
public sealed record NoticeRow(Guid Id, Guid ProjectId, string Number, int Level, Guid? PreviousId, NoticeStatus Status, string Problem,
    string Requirement, DateOnly RectifyBy, string IssuedBy, DateTimeOffset IssuedAt, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt,
    string? Measures, string? RepliedBy, DateTimeOffset? RepliedAt, string? ReviewComment, string? ReviewedBy, DateTimeOffset? ReviewedAt)
{
    internal const string Columns =
        "n.id, n.project_id, n.number, n.level, n.previous_id, n.status, n.problem, n.requirement, n.rectify_by, n.issued_by, n.issued_at, " +
        "n.acknowledged_by, n.acknowledged_at, n.measures, n.replied_by, n.replied_at, n.review_comment, n.reviewed_by, n.reviewed_at";

    internal static NoticeRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetGuid(4), Enum.Parse<NoticeStatus>(r.GetString(5)),
        r.GetString(6), r.GetString(7), r.GetFieldValue<DateOnly>(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10),
        Sql.NullableString(r, 11), At(r, 12), Sql.NullableString(r, 13), Sql.NullableString(r, 14), At(r, 15),
        Sql.NullableString(r, 16), Sql.NullableString(r, 17), At(r, 18));

    private static DateTimeOffset? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    public bool IsOverdue(DateOnly asOf) => SupervisionNotice.IsOverdue(Status, RectifyBy, asOf);

    /// <summary>
    /// The notice as it stood at the end of a day (the server's local date, as "today" is): null if it was issued later,
    /// else with the status of the last step taken by then — a bulletin for a past day counts what was true that day.
    /// </summary>
    public NoticeRow? AsOf(DateOnly day)
    {
        static bool By(DateTimeOffset? at, DateOnly day) => at is { } t && DateOnly.FromDateTime(t.ToLocalTime().DateTime) <= day;
        if (!By(IssuedAt, day)) return null;
        var status = By(ReviewedAt, day) ? Status
            : By(RepliedAt, day) ? NoticeStatus.Replied
            : By(AcknowledgedAt, day) ? NoticeStatus.Acknowledged
            : NoticeStatus.Issued;
        return status == Status ? this : this with { Status = status };
    }
}

public sealed class NoticeByIdLoader(ReadSession session) : ByIdLoader<NoticeRow>(session,
    keys => $"SELECT {NoticeRow.Columns} FROM supervision_notices n WHERE n.tenant_id = $1 AND n.id = ANY({keys})", NoticeRow.Read, n => n.Id);

/// <summary>A project's notices, oldest first (an escalation follows the notice it escalates).</summary>
public sealed class NoticesByProjectLoader(ReadSession session) : ByParentLoader<NoticeRow>(session,
    keys => $"SELECT {NoticeRow.Columns} FROM supervision_notices n WHERE n.tenant_id = $1 AND n.project_id = ANY({keys}) ORDER BY n.project_id, n.issued_at, n.sequence",
    NoticeRow.Read, n => n.ProjectId);

/// <summary>What the office writes on a notice.</summary>
public sealed record NoticeDraft(Guid ProjectId, string Problem, string Requirement, DateOnly RectifyBy);

/// <summary>The office's finding on re-check: close the notice, or escalate it with a new deadline (and, if it says so, a new requirement).</summary>
public sealed record NoticeReview(Guid Id, bool Close, string Comment, DateOnly? RectifyBy, string? Requirement);

/// <summary>A project the rules propose for 督办: red long enough, active, with no open notice.</summary>
public sealed record SupervisionCandidate(Guid ProjectId, ProjectAssessment Assessment);

/// <summary>
/// The 督办 loop. The supervision office issues a notice for a project (one open notice per project), the lead unit's
/// clerk or head signs for it and replies with measures, the office re-checks and closes it or escalates it (the
/// escalated notice ends; a notice of the next level takes its place). Every step is one audited transaction; a step
/// on a notice someone changed meanwhile fails instead of overwriting it.
/// </summary>
public sealed class SupervisionNoticeCommands(UnitOfWork uow, ICallerAccessor callers, Notifications.Notifier notifier)
{
    public Task<Guid> IssueAsync(NoticeDraft draft, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var project = await db.LockProjectAsync(draft.ProjectId, ct);
        if (project.State != ProjectState.Active)
            throw DomainException.IllegalTransition($"A project that is {project.State.ToString().ToLowerInvariant()} is not supervised; only an active one is.");
        if (await db.SupervisionNotices.Where(n => n.ProjectId == project.Id && (n.Status == NoticeStatus.Issued || n.Status == NoticeStatus.Acknowledged || n.Status == NoticeStatus.Replied))
                .Select(n => n.Number).FirstOrDefaultAsync(ct) is { } open)
            throw DomainException.Conflict($"This project already has an open notice ({open}); re-check it, or escalate it, instead of issuing another.");
        var notice = await NewNoticeAsync(db, project, 1, draft.Problem, draft.Requirement, draft.RectifyBy, null, ct);
        uow.Audit("issue", nameof(SupervisionNotice), notice.Id, null, notice);
        await NotifyIssuedAsync(db, project, notice, ct);
        return notice.Id;
    }, ct);

    public Task<Guid> AcknowledgeAsync(Guid id, CancellationToken ct) =>
        UnitStepAsync(id, "acknowledge", (n, by, at) => n.Acknowledge(by, at), ct);

    public async Task<Guid> ReplyAsync(Guid id, string measures, CancellationToken ct) =>
        await UnitStepAsync(id, "reply", (n, by, at) => n.Reply(by, measures, at), ct, (db, notice) => notifier.ToOfficeAsync(db, Domain.Notifications.NotificationKind.NoticeReplied,
            notice.ProjectId, notice.Id, $"{notice.Number}已反馈", notice.Measures!, ct));

    private Task NotifyIssuedAsync(Data.MinshengDbContext db, Project project, SupervisionNotice notice, CancellationToken ct) =>
        notifier.ToLeadUnitsAsync(db, Domain.Notifications.NotificationKind.NoticeIssued, project.Id, notice.Id,
            $"{notice.Number}{(notice.Level > 1 ? "（升级督办）" : "")}：{project.Name}",
            $"{notice.Problem}\n整改要求：{notice.Requirement}\n整改时限：{notice.RectifyBy:yyyy年M月d日}前，请签收并反馈。", ct);

    /// <summary>Closes the notice, or escalates it; returns the notice to show next (the escalation, when there is one).</summary>
    public Task<Guid> ReviewAsync(NoticeReview review, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var notice = await db.SupervisionNotices.FindOwnAsync(review.Id, ct);
        var before = UnitOfWork.Snapshot(notice);
        var by = callers.Current.ActorId;
        var at = uow.Clock.GetUtcNow();
        if (review.Close)
        {
            notice.Close(by, review.Comment, at);
            uow.Audit("close", nameof(SupervisionNotice), notice.Id, before, notice);
            return notice.Id;
        }
        if (review.RectifyBy is not { } rectifyBy) throw DomainException.Invalid("rectifyBy", "An escalation sets a new rectification deadline.");
        var state = await db.Projects.Where(p => p.Id == notice.ProjectId).Select(p => p.State).SingleAsync(ct);
        if (state != ProjectState.Active)
            throw DomainException.IllegalTransition($"The project is {state.ToString().ToLowerInvariant()}: its notice can be closed, not escalated.");
        notice.Escalate(by, review.Comment, at);
        uow.Audit("escalate", nameof(SupervisionNotice), notice.Id, before, notice);
        var project = await db.Projects.FindOwnAsync(notice.ProjectId, ct);
        var next = await NewNoticeAsync(db, project, notice.Level + 1, $"{notice.Problem}\n复核意见：{notice.ReviewComment}",
            string.IsNullOrWhiteSpace(review.Requirement) ? notice.Requirement : review.Requirement, rectifyBy, notice.Id, ct);
        uow.Audit("issue", nameof(SupervisionNotice), next.Id, null, next);
        await NotifyIssuedAsync(db, project, next, ct);
        return next.Id;
    }, ct);

    private async Task<SupervisionNotice> NewNoticeAsync(Data.MinshengDbContext db, Project project, int level, string problem, string requirement,
        DateOnly rectifyBy, Guid? previousId, CancellationToken ct)
    {
        var year = await db.Plans.Where(p => p.Id == project.PlanId).Select(p => p.Year).SingleAsync(ct);
        // Numbered in the order issued; two offices issuing at once collide on the unique number and one is told to retry.
        var sequence = (await db.SupervisionNotices.Where(n => n.Year == year).MaxAsync(n => (int?)n.Sequence, ct) ?? 0) + 1;
        var notice = new SupervisionNotice(project.Id, year, sequence, level, problem, requirement, rectifyBy, callers.Current.ActorId, uow.Clock.GetUtcNow(),
            uow.Clock.Today(), previousId);
        db.SupervisionNotices.Add(notice);
        return notice;
    }

    private Task<Guid> UnitStepAsync(Guid id, string action, Action<SupervisionNotice, string, DateTimeOffset> step, CancellationToken ct,
        Func<Data.MinshengDbContext, SupervisionNotice, Task>? then = null) =>
        uow.RunAsync(async db =>
        {
            var notice = await db.SupervisionNotices.FindOwnAsync(id, ct);
            await LeadUnitGuard.RequireAsync(db, callers.Current, notice.ProjectId, ct);
            var before = UnitOfWork.Snapshot(notice);
            step(notice, callers.Current.ActorId, uow.Clock.GetUtcNow());
            uow.Audit(action, nameof(SupervisionNotice), notice.Id, before, notice);
            if (then is not null) await then(db, notice);
            return notice.Id;
        }, ct);
}

/// <summary>The office's lists: notices by state (and those overdue on a day), and the projects the rules propose for 督办.</summary>
public sealed class SupervisionQueries(ReadSession session, ProjectAssessments assessments)
{
    public async Task<IReadOnlyList<NoticeRow>> NoticesAsync(NoticeStatus? status, DateOnly? overdueOn, CancellationToken ct)
    {
        var query = new ListQuery<NoticeRow>(tenantId => BatchCommands.Of($"""
            SELECT {NoticeRow.Columns} FROM supervision_notices n
            WHERE n.tenant_id = $1 AND ($2::text IS NULL OR n.status = $2)
              AND ($3::date IS NULL OR (n.status IN ('Issued', 'Acknowledged') AND n.rectify_by < $3))
            ORDER BY n.issued_at, n.sequence
            """, tenantId, status?.ToString(), overdueOn), NoticeRow.Read);
        await session.RunAsync(query, ct);
        return query.Rows;
    }

    public async Task<IReadOnlyList<SupervisionCandidate>> CandidatesAsync(DateOnly asOf, CancellationToken ct)
    {
        var open = new ListQuery<Guid>(tenantId => BatchCommands.Of(
            "SELECT DISTINCT n.project_id FROM supervision_notices n WHERE n.tenant_id = $1 AND n.status IN ('Issued', 'Acknowledged', 'Replied')",
            tenantId), r => r.GetGuid(0));
        session.Enqueue(open);
        var all = await assessments.AllAsync(asOf, ct);
        var supervised = open.Rows.ToHashSet();
        return all.Where(a => a.Assessment.SupervisionSuggested && !supervised.Contains(a.ProjectId))
            .OrderByDescending(a => asOf.DayNumber - a.Assessment.LightSince.DayNumber)
            .Select(a => new SupervisionCandidate(a.ProjectId, a.Assessment)).ToList();
    }
}

/// <summary>
/// 销号: the office closes out a completed project, with who and why. Only a project the rules find completed (or
/// exceeded) today, with no open notice, can be closed out.
/// </summary>
public sealed class ProjectCloseOut(UnitOfWork uow, ICallerAccessor callers, ProjectAssessments assessments)
{
    public async Task<Guid> CloseOutAsync(Guid projectId, string note, CancellationToken ct)
    {
        var assessed = await assessments.On(null).Load(projectId).GetAsync(ct)
            ?? throw DomainException.NotFound("Project", projectId);
        return await uow.RunAsync(async db =>
        {
            var project = await db.LockProjectAsync(projectId, ct);
            if (project.State == ProjectState.Active && assessed.Assessment.Status is not (ProjectStatus.Completed or ProjectStatus.Exceeded))
                throw DomainException.IllegalTransition(
                    $"Only a completed project is closed out; this one is {assessed.Assessment.Status} ({assessed.Assessment.ProgressPercent ?? 0}% of its targets reported, signed off).");
            if (await db.SupervisionNotices.AnyAsync(n => n.ProjectId == projectId && (n.Status == NoticeStatus.Issued || n.Status == NoticeStatus.Acknowledged || n.Status == NoticeStatus.Replied), ct))
                throw DomainException.IllegalTransition("This project has an open 督办 notice; close it before closing out the project.");
            var before = UnitOfWork.Snapshot(project);
            project.CloseOut(callers.Current.ActorId, note, uow.Clock.GetUtcNow());
            uow.Audit("close-out", nameof(Project), project.Id, before, project);
            return project.Id;
        }, ct);
    }
}
