using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Common;
using Minsheng.GraphQL.Indicators;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.ChangeControl;

public sealed class ChangeDecisionType : ObjectGraphType<ChangeDecisionRow>
{
    public ChangeDecisionType()
    {
        Name = "ChangeDecision";
        Description = "A recorded adjustment of a published plan: what changed from what to what, why, and who approved it.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("ChangeDecision", c.Source.Id));
        Field<NonNullGraphType<ProjectType>>("project").Resolve(c => c.Load<ProjectByIdLoader, ProjectRow?>(c.Source.ProjectId));
        Field<IndicatorType>("indicator").Description("The target adjusted.")
            .Resolve(c => c.Source.IndicatorId is { } i ? c.Load<IndicatorByIdLoader, IndicatorRow?>(i) : null);
        Field<NonNullGraphType<EnumerationGraphType<ChangeKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(d => d.Reason);
        Field(d => d.Approver).Description("Who approved it (a meeting, a leader, a document).");
        Field(d => d.CongressReference, nullable: true).Description("The people's congress standing committee's decision, where the plan was voted by the congress.");
        Field<NonNullGraphType<DateOnlyGraphType>>("decidedOn").Resolve(c => c.Source.DecidedOn);
        Field(d => d.Before).Description("The changed fields before, as JSON: the earlier version stays visible.");
        Field(d => d.After).Description("The changed fields after, as JSON.");
        Field(d => d.RecordedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
    }
}

public sealed class DecideProjectChangeInputType : InputType<ChangeRequest>
{
    private readonly InputField<Guid> _project;
    private readonly InputField<ChangeKind> _kind;
    private readonly InputField<string> _reason, _approver;
    private readonly InputField<string?> _congress, _unit;
    private readonly InputField<DateOnly> _decidedOn;
    private readonly InputField<Guid?> _indicator;
    private readonly InputField<decimal?> _value;
    private readonly InputField<Comparator?> _comparator;
    private readonly InputField<Deadline?> _deadline;

    public DecideProjectChangeInputType()
    {
        Name = "DecideProjectChangeInput";
        _project = Id("projectId", ProjectType.TypeName);
        _kind = Required<EnumerationGraphType<ChangeKind>, ChangeKind>("kind");
        _reason = Required<StringGraphType, string>("reason");
        _approver = Required<StringGraphType, string>("approver", "Who approved it, e.g. 县政府第12次常务会议.");
        _congress = Optional<StringGraphType, string>("congressReference",
            "The standing committee's decision; required to adjust a target or cancel a project of a plan the people's congress voted.");
        _decidedOn = Required<DateOnlyGraphType, DateOnly>("decidedOn");
        _indicator = OptionalId("indicatorId", IndicatorType.TypeName, "TARGET_ADJUSTED: the target.");
        _value = Optional<DecimalGraphType, decimal?>("targetValue", "TARGET_ADJUSTED: the new value.");
        _unit = Optional<StringGraphType, string>("unit", "TARGET_ADJUSTED: the new unit, if it changes.");
        _comparator = Optional<EnumerationGraphType<Comparator>, Comparator?>("comparator", "TARGET_ADJUSTED: the new comparator, if it changes.");
        _deadline = Optional<DeadlineInputType, Deadline?>("deadline", "DEADLINE_MOVED: the new deadline.", v => DeadlineInputType.From(v));
    }

    public override ChangeRequest Read(InputValues input) => new(input.Get(_project), input.Get(_kind), input.Get(_reason), input.Get(_approver),
        input.Get(_congress), input.Get(_decidedOn), input.Get(_indicator), input.Get(_value), input.Get(_unit), input.Get(_comparator), input.Get(_deadline));
}

/// <summary>Change control: the decision mutation, and each project's decisions.</summary>
public sealed class ChangeControlContributor : ISchemaContributor
{
    public void Contribute(SchemaComposition schema)
    {
        schema.Mutation.AddMutation<DecideProjectChangeInputType, ChangeRequest, ChangeDecisionType>("decideProjectChange", Permission.EditPlans,
            async (c, input) =>
            {
                var id = await c.Service<ChangeDecisionCommands>().DecideAsync(input, c.CancellationToken);
                var decisions = await c.Load<ChangeDecisionsByProjectLoader, IReadOnlyList<ChangeDecisionRow>>(input.ProjectId).GetResultAsync(c.CancellationToken);
                return decisions.Single(d => d.Id == id);
            },
            "Records a decision adjusting a published plan — a target, a deadline, a suspension, a resumption, a cancellation — and applies it. " +
            "Refused without a reason and an approver, and without the standing committee's reference where the plan was voted by the people's congress.");
    }
}

public sealed class ProjectChangeFields : ITypeExtension<ProjectType>
{
    public void Extend(ProjectType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeDecisionType>>>>("changeDecisions")
            .Description("Every recorded change to what this project promised, oldest first, each with its before and after.")
            .Resolve(c => c.Load<ChangeDecisionsByProjectLoader, IReadOnlyList<ChangeDecisionRow>>(c.Source.Id))
            .LoadsAlongWithPage(typeof(ChangeDecisionsByProjectLoader));
}
