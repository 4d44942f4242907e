namespace Minsheng.Domain.Regions;

public enum RegionLevel
{
    Province,
    City,
    County,
}

/// <summary>An administrative division by its GB/T 2260 six-digit code. Shared reference data: no tenant.</summary>
public sealed class Region
{
    private Region() { Code = Name = ""; }

    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        if (!IsValidCode(code)) throw DomainException.Invalid(nameof(code), $"'{code}' is not a six-digit GB/T 2260 region code.");
        if (string.IsNullOrWhiteSpace(name)) throw DomainException.Invalid(nameof(name), "A region needs a name.");
        Code = code;
        Name = name.Trim();
        Level = level;
        ParentCode = parentCode;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }

    /// <summary>
    /// The whole country: the region of a national analyst or dashboard, above every province. It is not a division of
    /// the reference list (no row in regions, no government of its own); every valid code lies within it.
    /// </summary>
    public const string Country = "000000";

    public const string CountryName = "全国";

    public static bool IsValidCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>The level a code implies: 410000 province, 411300 city, 411302 county.</summary>
    public static RegionLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
        : RegionLevel.County;

    /// <summary>
    /// Whether <paramref name="code"/> lies below <paramref name="ancestor"/> (not the region itself): the codes of a
    /// province's divisions share its first two digits, a city's its first four. A county has none below it.
    /// </summary>
    public static bool IsWithin(string code, string ancestor)
    {
        if (!IsValidCode(code) || !IsValidCode(ancestor) || code == ancestor) return false;
        if (ancestor == Country) return true;
        return LevelOf(ancestor) switch
        {
            RegionLevel.Province => code.AsSpan(0, 2).SequenceEqual(ancestor.AsSpan(0, 2)),
            RegionLevel.City => LevelOf(code) == RegionLevel.County && code.AsSpan(0, 4).SequenceEqual(ancestor.AsSpan(0, 4)),
            _ => false,
        };
    }
}
