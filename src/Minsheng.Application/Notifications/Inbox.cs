using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Application.Reports;
using Minsheng.Data.Reading;
using Minsheng.Domain;
using Minsheng.Domain.Access;
using Minsheng.Domain.Notifications;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Notifications;

public sealed record NotificationRow(Guid Id, NotificationKind Kind, Guid? ProjectId, Guid EntityId, string Title, string Body, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// The caller's inbox: notifications to the units the caller is bound to, and to the office when the caller works for it
/// (reviews reports or supervises); a development caller sees all. Read state is the caller's own.
/// </summary>
public sealed class Inbox(ReadSession session, ICallerAccessor callers, UnitOfWork uow)
{
    public async Task<IReadOnlyList<NotificationRow>> ListAsync(bool unreadOnly, int first, CancellationToken ct)
    {
        if (first is < 1 or > 200) throw DomainException.Invalid("first", "first is 1–200.");
        var caller = callers.Current;
        var office = caller.Has(Permission.Supervise) || caller.Has(Permission.ReviewReports);
        var all = caller.Kind == CallerKind.Developer;
        var query = new ListQuery<NotificationRow>(tenantId => BatchCommands.Of("""
            SELECT n.id, n.kind, n.project_id, n.entity_id, n.title, n.body, n.created_at, r.reader IS NOT NULL
            FROM notifications n
            LEFT JOIN notification_reads r ON r.tenant_id = n.tenant_id AND r.notification_id = n.id AND r.reader = $2
            WHERE n.tenant_id = $1 AND ($6 OR (n.audience = 'Unit' AND n.unit_id = ANY($3)) OR (n.audience = 'Office' AND $4))
              AND (NOT $5 OR r.reader IS NULL)
            ORDER BY n.created_at DESC, n.id DESC LIMIT $7
            """, tenantId, caller.ActorId, caller.UnitIds.ToArray(), office, unreadOnly, all, first),
            r => new NotificationRow(r.GetGuid(0), Enum.Parse<NotificationKind>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetGuid(3),
                r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), r.GetBoolean(7)));
        await session.RunAsync(query, ct);
        return query.Rows;
    }

    /// <summary>Marks notifications read for the caller; ids of other tenants are simply not found.</summary>
    public Task<int> MarkReadAsync(IReadOnlyList<Guid> ids, CancellationToken ct) => uow.RunAsync(async db =>
    {
        if (ids.Count is 0 or > 200) throw DomainException.Invalid("ids", "Mark 1–200 notifications at a time.");
        var reader = callers.Current.ActorId;
        var known = await db.Notifications.Where(n => ids.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty) throw DomainException.NotFound("Notification", missing);
        var already = await db.NotificationReads.Where(r => ids.Contains(r.NotificationId) && r.Reader == reader).Select(r => r.NotificationId).ToListAsync(ct);
        var now = uow.Clock.GetUtcNow();
        var fresh = known.Except(already).ToList();
        foreach (var id in fresh) db.NotificationReads.Add(new NotificationRead(id, reader, now));
        if (fresh.Count > 0) uow.Audit("read", nameof(Notification), fresh[0], null, new { Reader = reader, Notifications = fresh });
        return fresh.Count;
    }, ct);
}

/// <summary>
/// Reminds lead units of reports due within three days and of reports overdue, once per project, month and kind (the
/// daily round runs it; the office may too).
/// </summary>
public sealed class ReportReminders(OverdueReports overdue, UnitOfWork uow, Notifier notifier)
{
    public const int DaysAhead = 3;

    public async Task<int> RemindAsync(DateOnly today, CancellationToken ct)
    {
        // A day ahead would mark months overdue before they are, and block the real reminders then.
        if (today > uow.Clock.Today()) throw DomainException.Invalid("asOf", "Reminders are sent for today or a past day, not a future one.");
        var due = await overdue.AsOfAsync(today.AddDays(DaysAhead + 1), ct);
        if (due.Count == 0) return 0;
        return await uow.RunAsync(async db =>
        {
            var projects = due.Select(d => (Guid?)d.ProjectId).Distinct().ToList();
            // Keys are per unit (…:unit); what was sent is the key without it.
            var sent = (await db.Notifications.Where(n => n.DedupeKey != null && projects.Contains(n.ProjectId)).Select(n => n.DedupeKey!).ToListAsync(ct))
                .Select(k => k[..k.LastIndexOf(':')]).ToHashSet();
            var count = 0;
            foreach (var d in due)
            {
                var key = Key(d, today);
                if (sent.Contains(key)) continue;
                var late = d.DueOn < today;
                await notifier.ToLeadUnitsAsync(db, late ? NotificationKind.ReportOverdue : NotificationKind.ReportDue, d.ProjectId, d.ProjectId,
                    late ? $"{d.Period.Month}月报告已逾期" : $"{d.Period.Month}月报告即将到期",
                    late ? $"{d.Period:yyyy年M月}的月报应于{d.DueOn:M月d日}前报送，至今未报送。" : $"{d.Period:yyyy年M月}的月报请于{d.DueOn:M月d日}前报送。",
                    ct, key);
                count++;
            }
            return count;
        }, ct);
    }

    private static string Key(OverdueReportRow d, DateOnly today) => $"{(d.DueOn < today ? "overdue" : "due")}:{d.ProjectId:N}:{d.Period:yyyy-MM}";
}
