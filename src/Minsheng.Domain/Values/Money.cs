using System.Globalization;

namespace Minsheng.Domain.Values;

/// <summary>An amount in yuan. Plans write 万元 and 亿元; storage is always yuan.</summary>
public readonly record struct Money(decimal Yuan)
{
    public static Money FromWan(decimal wan) => new(wan * 10_000m);
    public static Money FromYi(decimal yi) => new(yi * 100_000_000m);

    public decimal Wan => Yuan / 10_000m;

    public override string ToString() => Yuan % 10_000m == 0
        ? $"{Wan.ToString("0.####", CultureInfo.InvariantCulture)}万元"
        : $"{Yuan.ToString("0.##", CultureInfo.InvariantCulture)}元";
}
