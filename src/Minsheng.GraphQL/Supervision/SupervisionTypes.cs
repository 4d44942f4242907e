using Minsheng.Application.Supervision;
using Minsheng.Domain.Supervision;
using Minsheng.Domain.Values;
using Minsheng.GraphQL.Projects;

namespace Minsheng.GraphQL.Supervision;

public sealed class LightReasonType : ObjectGraphType<LightReason>
{
    public LightReasonType()
    {
        Name = "LightReason";
        Description = "Why a project has its light.";
        this.ReachedThroughCheckedField();
        Field(r => r.Code).Description("MISSED_MILESTONE, OVERDUE_REPORT, BEHIND_SCHEDULE, NOT_STARTED or ESCALATED.");
        Field<NonNullGraphType<EnumerationGraphType<Light>>>("light").Description("The light this reason calls for.").Resolve(c => c.Source.Light);
        Field(r => r.Message).Description("The reason in words, as the office would write it.");
    }
}

public sealed class ProjectAssessmentType : ObjectGraphType<ProjectAssessment>
{
    public ProjectAssessmentType()
    {
        Name = "ProjectAssessment";
        Description = "A project's derived status and light on a day, by the rules in the README (\"Status and lights\").";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<DateOnlyGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<EnumerationGraphType<ProjectStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<EnumerationGraphType<Light>>>("light").Resolve(c => c.Source.Light);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LightReasonType>>>>("reasons").Resolve(c => c.Source.Reasons);
        Field<IntGraphType>("progressPercent").Description("Progress over the targets with a quantity to reach, each counted at most 100 %.")
            .Resolve(c => c.Source.ProgressPercent);
        Field<NonNullGraphType<IntGraphType>>("elapsedPercent").Description("The share of the project's time gone (1 January to its deadline).")
            .Resolve(c => c.Source.ElapsedPercent);
        Field<NonNullGraphType<DateOnlyGraphType>>("lightSince").Description("Since when the project has had this light (from the light history).")
            .Resolve(c => c.Source.LightSince);
        Field<NonNullGraphType<BooleanGraphType>>("supervisionSuggested").Description("Red long enough that the rules propose 督办.")
            .Resolve(c => c.Source.SupervisionSuggested);
    }
}

public sealed class LightRecordType : ObjectGraphType<LightRecordRow>
{
    public LightRecordType()
    {
        Name = "LightRecord";
        Description = "A change of a project's light, as kept on the day it was recorded.";
        this.ReachedThroughCheckedField();
        Field<NonNullGraphType<DateOnlyGraphType>>("recordedFor").Resolve(c => c.Source.RecordedFor);
        Field<NonNullGraphType<EnumerationGraphType<Light>>>("light").Resolve(c => c.Source.Light);
        Field<NonNullGraphType<DateOnlyGraphType>>("since").Resolve(c => c.Source.Since);
        Field(l => l.Escalated).Description("A yellow that lasted and was raised to red.");
        Field<NonNullGraphType<EnumerationGraphType<ProjectStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LightReasonType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}

public sealed class StatusThresholdsType : ObjectGraphType<StatusThresholds>
{
    public StatusThresholdsType()
    {
        Name = "StatusThresholds";
        Description = "The numbers behind the status and light rules, for this tenant.";
        this.ReachedThroughCheckedField();
        Field(t => t.AtRiskGapPoints).Description("Progress this many points behind the time gone: at risk, yellow.");
        Field(t => t.LaggingGapPoints).Description("This many points behind: lagging, red.");
        Field(t => t.MissedMilestoneRedDays).Description("A missed milestone turns red this many days after its date.");
        Field(t => t.OverdueReportRedDays).Description("A missing report turns red this many days after its due date.");
        Field(t => t.YellowEscalationDays).Description("Yellow this many days in a row escalates to red.");
        Field(t => t.RedSupervisionDays).Description("Red this many days in a row proposes 督办.");
        Field(t => t.ExceededPercent).Description("Every target met and reached to this per cent on average: exceeded.");
    }
}

/// <summary>A change of thresholds: a field left out keeps its current value.</summary>
public sealed record StatusRulesChange(Opt<int> AtRiskGapPoints, Opt<int> LaggingGapPoints, Opt<int> MissedMilestoneRedDays, Opt<int> OverdueReportRedDays,
    Opt<int> YellowEscalationDays, Opt<int> RedSupervisionDays, Opt<int> ExceededPercent)
{
    public StatusThresholds ApplyTo(StatusThresholds current) => new()
    {
        AtRiskGapPoints = AtRiskGapPoints.Or(current.AtRiskGapPoints),
        LaggingGapPoints = LaggingGapPoints.Or(current.LaggingGapPoints),
        MissedMilestoneRedDays = MissedMilestoneRedDays.Or(current.MissedMilestoneRedDays),
        OverdueReportRedDays = OverdueReportRedDays.Or(current.OverdueReportRedDays),
        YellowEscalationDays = YellowEscalationDays.Or(current.YellowEscalationDays),
        RedSupervisionDays = RedSupervisionDays.Or(current.RedSupervisionDays),
        ExceededPercent = ExceededPercent.Or(current.ExceededPercent),
    };
}

public sealed class ConfigureStatusRulesInputType : InputType<StatusRulesChange>
{
    private readonly InputField<Opt<int>> _atRisk, _lagging, _milestone, _report, _escalation, _supervision, _exceeded;

    public ConfigureStatusRulesInputType()
    {
        Name = "ConfigureStatusRulesInput";
        _atRisk = Keep<IntGraphType, int>("atRiskGapPoints");
        _lagging = Keep<IntGraphType, int>("laggingGapPoints");
        _milestone = Keep<IntGraphType, int>("missedMilestoneRedDays");
        _report = Keep<IntGraphType, int>("overdueReportRedDays");
        _escalation = Keep<IntGraphType, int>("yellowEscalationDays");
        _supervision = Keep<IntGraphType, int>("redSupervisionDays");
        _exceeded = Keep<IntGraphType, int>("exceededPercent");
    }

    public override StatusRulesChange Read(InputValues input) => new(input.Get(_atRisk), input.Get(_lagging), input.Get(_milestone), input.Get(_report),
        input.Get(_escalation), input.Get(_supervision), input.Get(_exceeded));
}

public sealed record RecordLights(DateOnly? AsOf);

public sealed class RecordLightsInputType : InputType<RecordLights>
{
    private readonly InputField<DateOnly?> _asOf;

    public RecordLightsInputType()
    {
        Name = "RecordLightsInput";
        _asOf = Optional<DateOnlyGraphType, DateOnly?>("asOf", "The day to assess (default today).");
    }

    public override RecordLights Read(InputValues input) => new(input.Get(_asOf));
}

public sealed class LightRecordingType : ObjectGraphType<LightRecording>
{
    public LightRecordingType()
    {
        Name = "LightRecording";
        this.ReachedThroughCheckedField();
        Field(r => r.Assessed).Description("Projects assessed.");
        Field(r => r.Changed).Description("Projects whose light changed, and were added to the history.");
    }
}

/// <summary>The fields status and lights add to Project.</summary>
public sealed class ProjectAssessmentFields : ITypeExtension<ProjectType>
{
    public void Extend(ProjectType type)
    {
        type.Field<NonNullGraphType<ProjectAssessmentType>>("assessment")
            .Description("Status and light on a day (default today), with the reasons. Without asOf it loads along with a page of projects.")
            .Argument<DateOnlyGraphType>("asOf")
            .Resolve(c =>
            {
                var assessments = c.Service<ProjectAssessments>();
                if (c.GetArgument<DateOnly?>("asOf") is { } asOf)
                    return new DeferredResult<AssessedProject?>(assessments.On(asOf).Load(c.Source.Id)).Then(a => a!.Assessment);
                // Today's, stored and brought along with the page: the value itself, nothing deferred.
                return assessments.TryStoredToday(c.Source.Id, out var stored)
                    ? stored
                    : new DeferredResult<ProjectAssessment?>(assessments.WorkOutToday(c.Source.Id)).Then(a => a!);
            })
            .LoadsAlongWithPage(typeof(TodaysAssessments));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LightRecordType>>>>("lightHistory")
            .Description("Every change of the project's light, oldest first: \"red since March\".")
            .Resolve(c => c.Load<LightHistoryByProjectLoader, IReadOnlyList<LightRecordRow>>(c.Source.Id))
            .LoadsAlongWithPage(typeof(LightHistoryByProjectLoader));
    }
}
