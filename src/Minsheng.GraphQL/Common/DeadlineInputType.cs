using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Common;

public sealed class DeadlineInputType : InputType<Deadline>
{
    private readonly InputField<DateOnly> _date;
    private readonly InputField<DatePrecision?> _precision;

    public DeadlineInputType()
    {
        Name = "DeadlineInput";
        _date = Required<DateOnlyGraphType, DateOnly>("date", "For month-precision deadlines any day of the month; it is normalized.");
        _precision = Optional<EnumerationGraphType<DatePrecision>, DatePrecision?>("precision", "Default DAY.");
    }

    public override Deadline Read(InputValues input)
    {
        var date = input.Get(_date);
        var precision = input.Get(_precision) ?? DatePrecision.Day;
        return precision == DatePrecision.Day ? Deadline.OnDay(date) : Deadline.Of(date.Year, date.Month, precision);
    }

    private static readonly DeadlineInputType Reader = new();

    /// <summary>Reads a nested deadline value, for the input types that hold one.</summary>
    public static Deadline From(object value) => Reader.Read(new InputValues((IReadOnlyDictionary<string, object?>)value));
}
