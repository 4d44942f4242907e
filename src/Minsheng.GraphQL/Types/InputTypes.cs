using GraphQL.Types;
using Minsheng.Application.Commands;
using Minsheng.Domain;
using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Types;

// Create inputs mark required fields non-null. Update inputs take the id plus any fields to change:
// an absent field keeps its value, an explicit null clears it.

public sealed class DeadlineInputType : InputObjectGraphType
{
    public DeadlineInputType()
    {
        Name = "DeadlineInput";
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Description("For month-precision deadlines any day of the month; it is normalized.");
        Field<EnumerationGraphType<DatePrecision>>("precision").Description("Default DAY.");
    }
}

public sealed class CreatePlanInputType : InputObjectGraphType
{
    public CreatePlanInputType()
    {
        Name = "CreatePlanInput";
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<StringGraphType>>("title");
        PlanFields.Add(this);
    }
}

public sealed class UpdatePlanInputType : InputObjectGraphType
{
    public UpdatePlanInputType()
    {
        Name = "UpdatePlanInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IntGraphType>("year");
        Field<StringGraphType>("title");
        PlanFields.Add(this);
    }
}

internal static class PlanFields
{
    public static void Add(InputObjectGraphType t)
    {
        t.Field<StringGraphType>("issuer");
        t.Field<StringGraphType>("documentNumber");
        t.Field<DateOnlyGraphType>("issuedOn");
        t.Field<StringGraphType>("approval");
    }
}

public sealed class CreateProjectInputType : InputObjectGraphType
{
    public CreateProjectInputType()
    {
        Name = "CreateProjectInput";
        Field<NonNullGraphType<IdGraphType>>("planId");
        Field<IdGraphType>("parentId").Description("For a sub-item: the project it belongs to.");
        Field<NonNullGraphType<StringGraphType>>("sequence");
        Field<NonNullGraphType<StringGraphType>>("name");
        ProjectFields.Add(this);
    }
}

public sealed class UpdateProjectInputType : InputObjectGraphType
{
    public UpdateProjectInputType()
    {
        Name = "UpdateProjectInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("sequence");
        Field<StringGraphType>("name");
        ProjectFields.Add(this);
    }
}

internal static class ProjectFields
{
    public static void Add(InputObjectGraphType t)
    {
        t.Field<IntGraphType>("sortOrder");
        t.Field<StringGraphType>("content");
        t.Field<StringGraphType>("category");
        t.Field<DecimalGraphType>("investmentYuan");
        t.Field<StringGraphType>("investmentText");
        t.Field<StringGraphType>("commandHeadquarters");
        t.Field<StringGraphType>("responsibleLeader");
        t.Field<DeadlineInputType>("deadline");
        t.Field<StringGraphType>("remarks");
        t.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("leadUnitIds");
        t.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("coUnitIds");
        t.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("certificationUnitIds");
    }
}

public sealed class CreateIndicatorInputType : InputObjectGraphType
{
    public CreateIndicatorInputType()
    {
        Name = "CreateIndicatorInput";
        Field<NonNullGraphType<IdGraphType>>("projectId");
        Field<NonNullGraphType<StringGraphType>>("label");
        Field<NonNullGraphType<EnumerationGraphType<Comparator>>>("comparator");
        Field<NonNullGraphType<DecimalGraphType>>("targetValue");
        Field<NonNullGraphType<StringGraphType>>("unit");
        Field<StringGraphType>("sourcePhrase");
    }
}

public sealed class UpdateIndicatorInputType : InputObjectGraphType
{
    public UpdateIndicatorInputType()
    {
        Name = "UpdateIndicatorInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("label");
        Field<EnumerationGraphType<Comparator>>("comparator");
        Field<DecimalGraphType>("targetValue");
        Field<StringGraphType>("unit");
        Field<StringGraphType>("sourcePhrase");
    }
}

public sealed class CreateMilestoneInputType : InputObjectGraphType
{
    public CreateMilestoneInputType()
    {
        Name = "CreateMilestoneInput";
        Field<NonNullGraphType<IdGraphType>>("projectId");
        Field<NonNullGraphType<DeadlineInputType>>("due");
        Field<NonNullGraphType<StringGraphType>>("text");
        Field<IdGraphType>("indicatorId");
        Field<DecimalGraphType>("cumulativeValue");
    }
}

public sealed class UpdateMilestoneInputType : InputObjectGraphType
{
    public UpdateMilestoneInputType()
    {
        Name = "UpdateMilestoneInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<DeadlineInputType>("due");
        Field<StringGraphType>("text");
        Field<IdGraphType>("indicatorId");
        Field<DecimalGraphType>("cumulativeValue");
    }
}

public sealed class CreateUnitInputType : InputObjectGraphType
{
    public CreateUnitInputType()
    {
        Name = "CreateUnitInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
    }
}

public sealed class UpdateUnitInputType : InputObjectGraphType
{
    public UpdateUnitInputType()
    {
        Name = "UpdateUnitInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
    }
}

public sealed class DeletePayloadType : ObjectGraphType<string>
{
    public DeletePayloadType()
    {
        Name = "DeletePayload";
        Field<NonNullGraphType<IdGraphType>>("deletedId").Resolve(c => c.Source);
    }
}

/// <summary>Reads a parsed input object: required values, optional ones as <see cref="Opt{T}"/>, ids checked for their type.</summary>
internal sealed class Input(Dictionary<string, object?> values)
{
    public bool Has(string key) => values.ContainsKey(key);

    public T Required<T>(string key) => (T)values[key]!;

    public T? Value<T>(string key) => values.TryGetValue(key, out var v) && v is T t ? t : default;

    public Domain.Values.Opt<T> Opt<T>(string key) => values.TryGetValue(key, out var v) ? Domain.Values.Opt<T>.Of((T)v!) : Domain.Values.Opt<T>.Absent;

    /// <summary>An update field that may be left out but not cleared: an explicit null is refused.</summary>
    public Domain.Values.Opt<T> NonNull<T>(string key) => values.TryGetValue(key, out var v)
        ? v is T t ? Domain.Values.Opt<T>.Of(t) : throw DomainException.Invalid(key, $"{key} cannot be null; leave it out to keep the current value.")
        : Domain.Values.Opt<T>.Absent;

    public Domain.Values.Opt<T> Opt<T>(string key, Func<object?, T> convert) => values.TryGetValue(key, out var v) ? Domain.Values.Opt<T>.Of(convert(v)) : Domain.Values.Opt<T>.Absent;

    public Guid Id(string key, string type) => GlobalId.Expect(values.GetValueOrDefault(key) as string, type, key);

    public Guid? OptionalId(string key, string type) => values.GetValueOrDefault(key) is string s ? GlobalId.Expect(s, type, key) : null;

    public IReadOnlyList<Guid>? Ids(string key, string type) => values.TryGetValue(key, out var v) && v is IEnumerable<object?> list
        ? list.Select(o => GlobalId.Expect(o as string, type, key)).ToList()
        : values.ContainsKey(key) ? [] : null;

    public static Deadline? Deadline(object? value)
    {
        if (value is not Dictionary<string, object?> d) return null;
        var date = (DateOnly)d["date"]!;
        var precision = d.GetValueOrDefault("precision") as DatePrecision? ?? DatePrecision.Day;
        return precision == DatePrecision.Day ? Minsheng.Domain.Values.Deadline.OnDay(date) : Minsheng.Domain.Values.Deadline.Of(date.Year, date.Month, precision);
    }

    public static Deadline RequiredDeadline(object? value) =>
        Deadline(value) ?? throw DomainException.Invalid("due", "A milestone needs a due date.");
}
