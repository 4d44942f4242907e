using Minsheng.Application.Notifications;
using Minsheng.Domain.Notifications;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Notifications;

public sealed class NotificationType : ObjectGraphType<NotificationRow>
{
    public const string TypeName = "Notification";

    public NotificationType()
    {
        Name = TypeName;
        Description = "An entry in the caller's inbox.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<NotificationKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(n => n.Title);
        Field(n => n.Body);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field(n => n.Read).Description("Whether the caller has marked it read.");
        Field<ProjectType>("project").Resolve(c => c.Source.ProjectId is { } p ? c.Load<ProjectByIdLoader, ProjectRow?>(p) : null);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("The notice (NOTICE_…), the report (REPORT_RETURNED) or the project (REPORT_DUE, REPORT_OVERDUE).")
            .Resolve(c => GlobalId.Encode(c.Source.Kind switch
            {
                NotificationKind.NoticeIssued or NotificationKind.NoticeReplied => "SupervisionNotice",
                NotificationKind.ReportReturned => "ProgressReport",
                _ => ProjectType.TypeName,
            }, c.Source.EntityId));
    }
}

public sealed record MarkRead(IReadOnlyList<Guid> Ids);

public sealed class MarkNotificationsReadInputType : InputType<MarkRead>
{
    private readonly InputField<IReadOnlyList<Guid>?> _ids;

    public MarkNotificationsReadInputType()
    {
        Name = "MarkNotificationsReadInput";
        _ids = Ids("ids", NotificationType.TypeName);
    }

    public override MarkRead Read(InputValues input) => new(input.Get(_ids) ?? []);
}

public sealed record SendReminders(DateOnly? AsOf);

public sealed class SendReportRemindersInputType : InputType<SendReminders>
{
    private readonly InputField<DateOnly?> _asOf;

    public SendReportRemindersInputType()
    {
        Name = "SendReportRemindersInput";
        _asOf = Optional<DateOnlyGraphType, DateOnly?>("asOf", "The day (default today).");
    }

    public override SendReminders Read(InputValues input) => new(input.Get(_asOf));
}

public sealed class WebhookDeliveryType : ObjectGraphType<DeliveryRow>
{
    public WebhookDeliveryType()
    {
        Name = "WebhookDelivery";
        Description = "One event sent (or being sent) to a webhook: the delivery log.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("WebhookDelivery", c.Source.Id));
        Field(d => d.Event);
        Field(d => d.Payload).Description("The JSON body sent.");
        Field<NonNullGraphType<EnumerationGraphType<DeliveryStatus>>>("status").Resolve(c => c.Source.Status);
        Field(d => d.Attempts);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("nextAttemptAt").Resolve(c => c.Source.NextAttemptAt);
        Field(d => d.LastStatusCode, nullable: true).Description("The receiver's last HTTP status.");
        Field(d => d.LastError, nullable: true);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("deliveredAt").Resolve(c => c.Source.DeliveredAt);
    }
}

public sealed class WebhookType : ObjectGraphType<WebhookRow>
{
    public const string TypeName = "Webhook";

    public WebhookType()
    {
        Name = TypeName;
        Description = "An outgoing webhook of the tenant: signed POSTs of the events it subscribes to.";
        this.RequiresForFields(Permission.ConfigureTenant);
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(w => w.Name);
        Field(w => w.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("events").Resolve(c => c.Source.Events);
        Field(w => w.Active);
        Field(w => w.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryType>>>>("deliveries").Description("The latest 50 deliveries, newest first.")
            .Resolve(c => c.Load<DeliveriesByWebhookLoader, IReadOnlyList<DeliveryRow>>(c.Source.Id));
        IsTypeOf = o => o is WebhookRow;
    }
}

public sealed record RegisterWebhook(string Name, string Url, IReadOnlyList<string> Events);

public sealed class RegisterWebhookInputType : InputType<RegisterWebhook>
{
    private readonly InputField<string> _name, _url;
    private readonly InputField<IReadOnlyList<string>?> _events;

    public RegisterWebhookInputType()
    {
        Name = "RegisterWebhookInput";
        _name = Required<StringGraphType, string>("name");
        _url = Required<StringGraphType, string>("url", "Where to POST (https; a work-group robot's address).");
        _events = Strings("events", "Some of: notice.issued, notice.replied, report.returned, report.due, report.overdue.");
    }

    public override RegisterWebhook Read(InputValues input) => new(input.Get(_name), input.Get(_url), input.Get(_events) ?? []);
}

public sealed record RegisteredWebhookView(WebhookRow Webhook, string Secret);

public sealed class RegisteredWebhookType : ObjectGraphType<RegisteredWebhookView>
{
    public RegisteredWebhookType()
    {
        Name = "RegisteredWebhook";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<WebhookType>>("webhook").Resolve(c => c.Source.Webhook);
        Field(r => r.Secret).Description("The signing secret, shown this once: X-Minsheng-Signature is sha256=HMAC-SHA256(secret, timestamp + \".\" + body) in hex.");
    }
}

public sealed class RevokeWebhookInputType() : ByIdInputType("RevokeWebhookInput", WebhookType.TypeName);

/// <summary>Notifications: the caller's inbox, reminders, and the tenant's outgoing webhooks with their delivery log.</summary>
public sealed class NotificationsContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationType>>>>("inbox").Requires(Permission.ReadTenantData)
            .Description("The caller's notifications, newest first: to the units the caller acts for, and to the supervision office for its people.")
            .Argument<BooleanGraphType>("unreadOnly")
            .Argument<IntGraphType>("first", "At most 200; default 50.")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<Inbox>().ListAsync(
                c.GetArgument<bool?>("unreadOnly") ?? false, c.GetArgument<int?>("first") ?? 50, c.CancellationToken)));
        schema.Mutation.AddMutation<MarkNotificationsReadInputType, MarkRead, IntGraphType>("markNotificationsRead", Permission.FileReports,
                async (c, input) => (object?)await c.Service<Inbox>().MarkReadAsync(input.Ids, c.CancellationToken),
                "Marks notifications read for the caller; returns how many were not read before.")
            .RequiresAny(Permission.FileReports, Permission.AnswerNotices, Permission.SignOffReports, Permission.ReviewReports, Permission.Supervise);
        schema.Mutation.AddMutation<SendReportRemindersInputType, SendReminders, IntGraphType>("sendReportReminders", Permission.Supervise,
            async (c, input) => (object?)await c.Service<ReportReminders>().RemindAsync(input.AsOf ?? c.Service<TimeProvider>().Today(), c.CancellationToken),
            "Reminds lead units of reports due within three days or overdue, once per month and kind (the server does it daily); returns how many were sent.");

        schema.AddNode(WebhookType.TypeName, (c, id) => c.Load<WebhookByIdLoader, WebhookRow?>(id));
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookType>>>>("webhooks").Requires(Permission.ConfigureTenant)
            .Description("The tenant's outgoing webhooks (tenant administrators).")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<WebhookCommands>().ListAsync(c.CancellationToken)));
        schema.Mutation.AddMutation<RegisterWebhookInputType, RegisterWebhook, RegisteredWebhookType>("registerWebhook", Permission.ConfigureTenant,
            async (c, input) =>
            {
                var registered = await c.Service<WebhookCommands>().RegisterAsync(input.Name, input.Url, input.Events, c.CancellationToken);
                var row = await c.Load<WebhookByIdLoader, WebhookRow?>(registered.Id).GetResultAsync(c.CancellationToken);
                return new RegisteredWebhookView(row!, registered.Secret);
            },
            "Registers an outgoing webhook for some events (tenant administrators); the signing secret is shown once.");
        schema.Mutation.AddMutation<RevokeWebhookInputType, ById, WebhookType>("revokeWebhook", Permission.ConfigureTenant,
            async (c, input) => await c.Load<WebhookByIdLoader, WebhookRow?>(await c.Service<WebhookCommands>().RevokeAsync(input.Id, c.CancellationToken))
                .GetResultAsync(c.CancellationToken),
            "Stops a webhook: nothing more is sent to it, pending deliveries included.");
    }
}
