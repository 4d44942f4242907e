using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Notifications;

/// <summary>What happened. Also the event name a webhook subscribes to (<c>notice.issued</c> …, see <see cref="Events"/>).</summary>
public enum NotificationKind
{
    /// <summary>A 督办 notice was issued (or an escalation) to a lead unit.</summary>
    NoticeIssued,
    /// <summary>A unit replied to a notice: the office re-checks.</summary>
    NoticeReplied,
    /// <summary>A report was sent back to the unit with a reason.</summary>
    ReportReturned,
    /// <summary>A month's report is due within days.</summary>
    ReportDue,
    /// <summary>A month's report is past its due day.</summary>
    ReportOverdue,
}

/// <summary>Who a notification is for: the people bound to a unit (clerks, heads), or the supervision office.</summary>
public enum Audience
{
    Unit,
    Office,
}

public static class Events
{
    public static string NameOf(NotificationKind kind) => kind switch
    {
        NotificationKind.NoticeIssued => "notice.issued",
        NotificationKind.NoticeReplied => "notice.replied",
        NotificationKind.ReportReturned => "report.returned",
        NotificationKind.ReportDue => "report.due",
        _ => "report.overdue",
    };

    public static readonly IReadOnlyList<string> All = Enum.GetValues<NotificationKind>().Select(NameOf).ToList();
}

/// <summary>
/// An entry in the inbox of a unit's people or of the supervision office. Written in the same transaction as what it
/// reports; <see cref="DedupeKey"/> keeps reminders from repeating. Who has read it is kept per person
/// (<see cref="NotificationRead"/>).
/// </summary>
public sealed class Notification : TenantEntity
{
    private Notification() { Title = Body = ""; }

    public Notification(NotificationKind kind, Audience audience, Guid? unitId, Guid? projectId, Guid entityId, string title, string body,
        DateTimeOffset createdAt, string? dedupeKey = null)
    {
        if (audience == Audience.Unit && unitId is null) throw new ArgumentException("A unit's notification names the unit.", nameof(unitId));
        Kind = kind;
        Audience = audience;
        UnitId = unitId;
        ProjectId = projectId;
        EntityId = entityId;
        Title = title.Length <= 200 ? title : title[..200];
        Body = body.Length <= 2000 ? body : body[..2000];
        CreatedAt = createdAt;
        DedupeKey = dedupeKey;
    }

    public NotificationKind Kind { get; private set; }
    public Audience Audience { get; private set; }
    public Guid? UnitId { get; private set; }
    public Guid? ProjectId { get; private set; }
    /// <summary>The notice or report it is about.</summary>
    public Guid EntityId { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>For reminders: one per project, month and kind.</summary>
    public string? DedupeKey { get; private set; }
}

/// <summary>That a person has read a notification.</summary>
public sealed class NotificationRead : ITenantOwned
{
    private NotificationRead() { Reader = ""; }

    public NotificationRead(Guid notificationId, string reader, DateTimeOffset readAt)
    {
        NotificationId = notificationId;
        Reader = reader;
        ReadAt = readAt;
    }

    public Guid TenantId { get; set; }
    public Guid NotificationId { get; private set; }
    /// <summary>The reader's actor id (user:…).</summary>
    public string Reader { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }
}
