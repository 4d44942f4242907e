namespace Minsheng.Domain.Values;

/// <summary>A figure with its unit of measure, e.g. 1.3万人次 = (13000, "人次").</summary>
public readonly record struct Quantity
{
    public Quantity(decimal value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Value = value;
        Unit = unit.Trim();
    }

    public decimal Value { get; }
    public string Unit { get; }

    /// <summary>Units that express a ratio rather than a count; they never add up across projects.</summary>
    public bool IsRatio => Unit is "%" or "‰";

    public override string ToString() => $"{Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}{Unit}";
}
