namespace Minsheng.Domain.Values;

/// <summary>A field of an update: absent (keep the current value) or given (possibly null, which clears it).</summary>
public readonly record struct Opt<T>(bool HasValue, T Value)
{
    public static Opt<T> Absent => default;
    public static Opt<T> Of(T value) => new(true, value);
    public T Or(T current) => HasValue ? Value : current;
}
