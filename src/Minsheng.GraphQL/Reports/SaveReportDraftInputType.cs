using System.Globalization;
using Minsheng.Domain;

namespace Minsheng.GraphQL.Reports;

/// <summary>saveReportDraft's input: a project's month, the narrative, investment and the cumulative actual per target.</summary>
public sealed class SaveReportDraftInputType : InputType<ReportDraft>
{
    private readonly InputField<Guid> _project;
    private readonly InputField<string> _period;
    private readonly InputField<string?> _progress, _problems, _nextSteps;
    private readonly InputField<decimal?> _investment;
    private readonly InputField<IReadOnlyList<ReportedActual>?> _actuals;
    private readonly InputField<bool?> _submit;

    public SaveReportDraftInputType()
    {
        Name = "SaveReportDraftInput";
        _project = Id("projectId", "Project");
        _period = Required<StringGraphType, string>("period", "The reported month, yyyy-MM.");
        _progress = Optional<StringGraphType, string>("progress", "进展情况.");
        _problems = Optional<StringGraphType, string>("problems", "存在问题.");
        _nextSteps = Optional<StringGraphType, string>("nextSteps", "下步打算.");
        _investment = Optional<DecimalGraphType, decimal?>("investmentCompletedYuan", "Investment completed so far this year, in yuan.");
        _actuals = ReportedActualInputType.ListOn(this, "Cumulative achieved figure per target.");
        _submit = Optional<BooleanGraphType, bool?>("submit",
            "Also submit it for the unit head's sign-off, in the same step (the form's 提交 rather than 保存草稿). Default false.");
    }

    public override ReportDraft Read(InputValues input)
    {
        var period = input.Get(_period);
        if (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            throw DomainException.Invalid("period", $"'{period}' is not a month written yyyy-MM.");
        return new ReportDraft(input.Get(_project), month.Year, month.Month, input.Get(_progress), input.Get(_problems), input.Get(_nextSteps),
            input.Get(_investment), input.Get(_actuals), input.Get(_submit) ?? false);
    }
}

public sealed class ReportedActualInputType : InputObjectGraphType
{
    public ReportedActualInputType()
    {
        Name = "ReportedActualInput";
        Field<NonNullGraphType<IdGraphType>>("indicatorId").WithMetadata(GlobalId.TypeMetadataKey, "Indicator");
        Field<NonNullGraphType<DecimalGraphType>>("value");
    }

    /// <summary>Declares the <c>actuals</c> list on an input that carries figures, and returns its handle.</summary>
    public static InputField<IReadOnlyList<ReportedActual>?> ListOn(InputObjectGraphType owner, string description)
    {
        owner.Field<ListGraphType<NonNullGraphType<ReportedActualInputType>>>("actuals").Description(description);
        return new("actuals", values => values.TryGetValue("actuals", out var v) && v is IEnumerable<object?> list
            ? list.OfType<IDictionary<string, object?>>().Select(Read).ToList()
            : null);
    }

    public static ReportedActual Read(IDictionary<string, object?> values) =>
        new(GlobalId.Expect(values.TryGetValue("indicatorId", out var id) ? id as string : null, "Indicator", "actuals.indicatorId"),
            Convert.ToDecimal(values.TryGetValue("value", out var value) ? value : null, CultureInfo.InvariantCulture));
}

/// <summary>The input of a workflow step on one report.</summary>
public sealed class ReportStepInputType() : ByIdInputType("ReportStepInput", ProgressReportType.TypeName);

public sealed record ReturnReport(Guid Id, string Reason);

public sealed class ReturnReportInputType : InputType<ReturnReport>
{
    private readonly InputField<Guid> _id;
    private readonly InputField<string> _reason;

    public ReturnReportInputType()
    {
        Name = "ReturnReportInput";
        _id = Id("id", ProgressReportType.TypeName);
        _reason = Required<StringGraphType, string>("reason", "Why it goes back: the unit sees this.");
    }

    public override ReturnReport Read(InputValues input) => new(input.Get(_id), input.Get(_reason));
}
