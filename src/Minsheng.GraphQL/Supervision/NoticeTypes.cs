using Minsheng.Application.Supervision;
using Minsheng.Domain.Supervision;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Supervision;

public sealed class SupervisionNoticeType : ObjectGraphType<NoticeRow>
{
    public const string TypeName = "SupervisionNotice";

    public SupervisionNoticeType()
    {
        Name = TypeName;
        Description = "A 督办 notice: the problem, what must be rectified by when, the unit's 签收 and 反馈, the office's 复核.";
        this.RequiresForFields(Permission.ReadTenantData);
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field(n => n.Number).Description("As printed: 督办〔2024〕3号.");
        Field(n => n.Level).Description("1 for the office's notice; each escalation one more.");
        Field<SupervisionNoticeType>("previous").Description("The notice this one escalates.")
            .Resolve(c => c.Source.PreviousId is { } p ? c.Load<NoticeByIdLoader, NoticeRow?>(p) : null);
        Field<NonNullGraphType<EnumerationGraphType<NoticeStatus>>>("status").Resolve(c => c.Source.Status);
        Field(n => n.Problem);
        Field(n => n.Requirement).Description("What must be rectified (整改要求).");
        Field<NonNullGraphType<DateOnlyGraphType>>("rectifyBy").Description("The rectification deadline.").Resolve(c => c.Source.RectifyBy);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Past its deadline without a reply, as of a day (default today).")
            .Argument<DateOnlyGraphType>("asOf")
            .Resolve(c => c.Source.IsOverdue(c.GetArgument<DateOnly?>("asOf") ?? c.Service<TimeProvider>().Today()));
        Field(n => n.IssuedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(c => c.Source.IssuedAt);
        Field(n => n.AcknowledgedBy, nullable: true).Description("Who signed for it (签收).");
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Resolve(c => c.Source.AcknowledgedAt);
        Field(n => n.Measures, nullable: true).Description("The unit's reply: the measures taken (反馈).");
        Field(n => n.RepliedBy, nullable: true);
        Field<DateTimeOffsetGraphType>("repliedAt").Resolve(c => c.Source.RepliedAt);
        Field(n => n.ReviewComment, nullable: true).Description("The office's finding on re-check (复核).");
        Field(n => n.ReviewedBy, nullable: true);
        Field<DateTimeOffsetGraphType>("reviewedAt").Resolve(c => c.Source.ReviewedAt);
        IsTypeOf = o => o is NoticeRow;
    }
}

public sealed class SupervisionCandidateType : ObjectGraphType<SupervisionCandidate>
{
    public SupervisionCandidateType()
    {
        Name = "SupervisionCandidate";
        Description = "A project the rules propose for 督办: red long enough, active, and without an open notice.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<NonNullGraphType<ProjectAssessmentType>>("assessment").Resolve(c => c.Source.Assessment);
    }
}

public sealed record IssueNotice(Guid ProjectId, string Problem, string Requirement, DateOnly RectifyBy);

public sealed class IssueSupervisionNoticeInputType : InputType<IssueNotice>
{
    private readonly InputField<Guid> _project;
    private readonly InputField<string> _problem, _requirement;
    private readonly InputField<DateOnly> _rectifyBy;

    public IssueSupervisionNoticeInputType()
    {
        Name = "IssueSupervisionNoticeInput";
        _project = Id("projectId", ProjectType.TypeName);
        _problem = Required<StringGraphType, string>("problem", "What is wrong (e.g. the light's reasons).");
        _requirement = Required<StringGraphType, string>("requirement", "What must be rectified (整改要求).");
        _rectifyBy = Required<DateOnlyGraphType, DateOnly>("rectifyBy", "The rectification deadline.");
    }

    public override IssueNotice Read(InputValues input) => new(input.Get(_project), input.Get(_problem), input.Get(_requirement), input.Get(_rectifyBy));
}

public sealed class NoticeStepInputType() : ByIdInputType("NoticeStepInput", SupervisionNoticeType.TypeName);

public sealed record ReplyToNotice(Guid Id, string Measures);

public sealed class ReplyToNoticeInputType : InputType<ReplyToNotice>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<string> _measures;

    public ReplyToNoticeInputType()
    {
        Name = "ReplyToNoticeInput";
        _id = Id("id", SupervisionNoticeType.TypeName);
        _measures = Required<StringGraphType, string>("measures", "The measures taken and their effect (反馈).");
    }

    public override ReplyToNotice Read(InputValues input) => new(input.Get(_id), input.Get(_measures));
}

/// <summary>What the office concludes on re-check.</summary>
public enum ReviewOutcome
{
    /// <summary>Rectified: the notice is closed.</summary>
    Close,
    /// <summary>Not rectified: a notice of the next level is issued in its place.</summary>
    Escalate,
}

public sealed class ReviewNoticeInputType : InputType<NoticeReview>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<ReviewOutcome> _outcome;
    private readonly InputField<string> _comment;
    private readonly InputField<DateOnly?> _rectifyBy;
    private readonly InputField<string?> _requirement;

    public ReviewNoticeInputType()
    {
        Name = "ReviewNoticeInput";
        _id = Id("id", SupervisionNoticeType.TypeName);
        _outcome = Required<EnumerationGraphType<ReviewOutcome>, ReviewOutcome>("outcome");
        _comment = Required<StringGraphType, string>("comment", "The finding (复核意见).");
        _rectifyBy = Optional<DateOnlyGraphType, DateOnly?>("rectifyBy", "For ESCALATE: the new notice's deadline.");
        _requirement = Optional<StringGraphType, string>("requirement", "For ESCALATE: the new notice's requirement (default: the same).");
    }

    public override NoticeReview Read(InputValues input) =>
        new(input.Get(_id), input.Get(_outcome) == ReviewOutcome.Close, input.Get(_comment), input.Get(_rectifyBy), input.Get(_requirement));
}

public sealed record CloseOutProject(Guid ProjectId, string Note);

public sealed class CloseOutProjectInputType : InputType<CloseOutProject>
{
    private readonly InputField<Guid> _project;
    private readonly InputField<string> _note;

    public CloseOutProjectInputType()
    {
        Name = "CloseOutProjectInput";
        _project = Id("projectId", ProjectType.TypeName);
        _note = Required<StringGraphType, string>("note", "Why it is closed out: the acceptance, the certification, what was checked.");
    }

    public override CloseOutProject Read(InputValues input) => new(input.Get(_project), input.Get(_note));
}

/// <summary>The 督办 fields on Project.</summary>
public sealed class ProjectNoticeFields : ITypeExtension<ProjectType>
{
    public void Extend(ProjectType type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupervisionNoticeType>>>>("supervisionNotices")
            .Description("The project's 督办 notices, oldest first (an escalation follows the notice it escalates).")
            .Resolve(c => c.Load<NoticesByProjectLoader, IReadOnlyList<NoticeRow>>(c.Source.Id))
            .LoadsAlongWithPage(typeof(NoticesByProjectLoader));
    }
}
