using Minsheng.Importing.Extraction;

namespace Minsheng.Importing;

/// <summary>Units of measure outside the importer: whether two unit names measure the same thing, and at what scale.</summary>
public static class MeasureUnits
{
    /// <summary><paramref name="value"/> in <paramref name="fromUnit"/> expressed in <paramref name="toUnit"/> (名 → 人, 万元 → 亿元), or null when they measure different things.</summary>
    public static decimal? Convert(decimal value, string fromUnit, string toUnit) => TargetLinker.Convert(value, fromUnit, toUnit);

    /// <summary>True for two names of one measure at one scale (人 and 名, 公里 and 千米): a figure in one is the same figure in the other.</summary>
    public static bool SameMeasure(string a, string b) => Convert(1m, a, b) == 1m;
}
