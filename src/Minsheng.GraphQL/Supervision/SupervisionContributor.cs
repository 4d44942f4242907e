using Minsheng.Application.Supervision;
using Minsheng.Domain.Supervision;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Supervision;

/// <summary>Status and lights: the tenant's thresholds, and recording the light history (the fields on Project are <see cref="ProjectAssessmentFields"/>).</summary>
public sealed class SupervisionContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Query.Field<NonNullGraphType<StatusThresholdsType>>("statusRules").Requires(Permission.ReadTenantData)
            .Description("The thresholds the status and light rules use for this tenant.")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<StatusSettings>().GetAsync(c.CancellationToken)));
        schema.Mutation.AddMutation<ConfigureStatusRulesInputType, StatusRulesChange, StatusThresholdsType>("configureStatusRules", Permission.ConfigureTenant,
            async (c, input) =>
            {
                var settings = c.Service<StatusSettings>();
                return (object?)await settings.SetAsync(input.ApplyTo(await settings.GetAsync(c.CancellationToken)), c.CancellationToken);
            },
            "Sets the tenant's thresholds (tenant administrators); a field left out keeps its value. Audited.");
        schema.Mutation.AddMutation<RecordLightsInputType, RecordLights, LightRecordingType>("recordLights", Permission.ReviewReports,
            async (c, input) => (object?)await c.Service<LightHistory>().RecordAsync(input.AsOf ?? c.Service<ProjectAssessments>().Today, c.CancellationToken),
            "Assesses every project on a day (default today) and adds each change of light to the history (the supervision office, e.g. at each month's 调度; the server also does it every few hours).");

        // The 督办 loop and 销号.
        schema.AddNode(SupervisionNoticeType.TypeName, (c, id) => c.Load<NoticeByIdLoader, NoticeRow?>(id));
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupervisionNoticeType>>>>("supervisionNotices").Requires(Permission.ReadTenantData)
            .Description("The tenant's 督办 notices in the order issued: all, those in one status, or those overdue on a day (past the deadline, not replied).")
            .Argument<EnumerationGraphType<NoticeStatus>>("status")
            .Argument<DateOnlyGraphType>("overdueOn")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<SupervisionQueries>().NoticesAsync(
                c.GetArgument<NoticeStatus?>("status"), c.GetArgument<DateOnly?>("overdueOn"), c.CancellationToken)));
        schema.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupervisionCandidateType>>>>("supervisionCandidates").Requires(Permission.ReadTenantData)
            .Description("Projects the rules propose for 督办 on a day (default today): red long enough, active, without an open notice; longest red first.")
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c => await c.Guard(async () => (object?)await c.Service<SupervisionQueries>().CandidatesAsync(
                c.GetArgument<DateOnly?>("asOf") ?? c.Service<ProjectAssessments>().Today, c.CancellationToken)));
        schema.Mutation.AddMutation<IssueSupervisionNoticeInputType, IssueNotice, SupervisionNoticeType>("issueSupervisionNotice", Permission.Supervise,
            async (c, input) => await Notice(c, await c.Service<SupervisionNoticeCommands>().IssueAsync(
                new NoticeDraft(input.ProjectId, input.Problem, input.Requirement, input.RectifyBy), c.CancellationToken)),
            "Issues a 督办 notice for a project with a rectification deadline (the supervision office); one open notice per project.");
        schema.Mutation.AddMutation<NoticeStepInputType, ById, SupervisionNoticeType>("acknowledgeSupervisionNotice", Permission.AnswerNotices,
            async (c, input) => await Notice(c, await c.Service<SupervisionNoticeCommands>().AcknowledgeAsync(input.Id, c.CancellationToken)),
            "The lead unit signs for a notice (签收).");
        schema.Mutation.AddMutation<ReplyToNoticeInputType, ReplyToNotice, SupervisionNoticeType>("replyToSupervisionNotice", Permission.AnswerNotices,
            async (c, input) => await Notice(c, await c.Service<SupervisionNoticeCommands>().ReplyAsync(input.Id, input.Measures, c.CancellationToken)),
            "The lead unit replies with its measures (反馈); it may correct the reply until the office re-checks.");
        schema.Mutation.AddMutation<ReviewNoticeInputType, NoticeReview, SupervisionNoticeType>("reviewSupervisionNotice", Permission.Supervise,
            async (c, input) => await Notice(c, await c.Service<SupervisionNoticeCommands>().ReviewAsync(input, c.CancellationToken)),
            "The office re-checks (复核): CLOSE a replied notice, or ESCALATE one (replied, or unanswered) — the result is then the new notice of the next level.");
        schema.Mutation.AddMutation<CloseOutProjectInputType, CloseOutProject, ProjectType>("closeOutProject", Permission.Supervise,
            async (c, input) => await c.Load<ProjectByIdLoader, ProjectRow?>(
                await c.Service<ProjectCloseOut>().CloseOutAsync(input.ProjectId, input.Note, c.CancellationToken)).GetResultAsync(c.CancellationToken),
            "销号: closes out a project the rules find completed today, with no open notice, with a note saying why (the supervision office).");
    }

    private static async Task<object?> Notice(IResolveFieldContext c, Guid id) =>
        await c.Load<NoticeByIdLoader, NoticeRow?>(id).GetResultAsync(c.CancellationToken);
}
