using System.Text.RegularExpressions;
using Minsheng.Domain.Values;

namespace Minsheng.Importing.Extraction;

/// <summary>A date as a plan words it: "3月底", "5月初", "2022年12月", "年底前". Year may be left to the plan.</summary>
internal readonly record struct DateMention(int Start, int Length, int? Year, int Month, DatePrecision Precision, int? Day)
{
    public Deadline? ToDeadline(int? planYear)
    {
        var year = Year ?? planYear;
        if (year is null or < 1900 or > 2200) return null;
        if (Precision == DatePrecision.Day && Day is { } day)
            return day <= DateTime.DaysInMonth(year.Value, Month) ? Deadline.OnDay(new DateOnly(year.Value, Month, day)) : null;
        return Deadline.Of(year.Value, Month, Precision);
    }
}

/// <summary>Finds month-precision dates in Chinese text and tells how precise each one is.</summary>
internal static partial class ChineseDates
{
    public static IEnumerable<DateMention> FindAll(string text)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            if (ToMention(m) is { } mention) yield return mention;
        }
    }

    /// <summary>A date at the very start of <paramref name="text"/>, as in "3月底，完成…".</summary>
    public static DateMention? AtStart(string text)
    {
        var m = DatePattern().Match(text);
        return m.Success && m.Index == 0 ? ToMention(m) : null;
    }

    private static DateMention? ToMention(Match m)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : m.Groups["yy"].Success ? int.Parse(m.Groups["yy"].Value) : null;
        if (m.Groups["ye"].Success) return new DateMention(m.Index, m.Length, year, 12, DatePrecision.Year, null);
        var month = int.Parse(m.Groups["m"].Value);
        if (month is < 1 or > 12) return null;
        if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].Value);
            return day is >= 1 and <= 31 ? new DateMention(m.Index, m.Length, year, month, DatePrecision.Day, day) : null;
        }
        var precision = m.Groups["q"].Value switch
        {
            "底" or "末" or "下旬" => DatePrecision.EndOfMonth,
            "初" or "上旬" => DatePrecision.EarlyMonth,
            "中旬" or "中" => DatePrecision.MidMonth,
            _ => DatePrecision.Month,
        };
        return new DateMention(m.Index, m.Length, year, month, precision, null);
    }

    [GeneratedRegex(@"(?<!\d)(?:(?:(?<yy>\d{4})\s*)?(?<ye>年底|年末|年内)前?|(?:(?<y>\d{4})\s*年\s*)?(?<m>1[0-2]|0?[1-9])\s*月\s*(?:(?<d>[0-3]?\d)\s*[日号]|(?<q>底|末|初|上旬|中旬|下旬|中|份))?(?:前|之前)?)")]
    private static partial Regex DatePattern();
}
