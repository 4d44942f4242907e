using System.Globalization;

namespace Minsheng.Domain.Values;

/// <summary>How precisely a plan states a date: 2022年12月 (month), 5月初 (early), 3月中旬 (mid), 3月底 (end), or a day.</summary>
public enum DatePrecision
{
    Day,
    Month,
    EarlyMonth,
    MidMonth,
    EndOfMonth,
    Year,
}

/// <summary>
/// A due date as the plan states it. <see cref="Date"/> is the last day the statement allows
/// (3月中旬 → 20 March), so comparisons with today never call a project late too early.
/// </summary>
public readonly record struct Deadline(DateOnly Date, DatePrecision Precision)
{
    public static Deadline Of(int year, int month, DatePrecision precision)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1–12");
        var last = DateTime.DaysInMonth(year, month);
        var day = precision switch
        {
            DatePrecision.EarlyMonth => 10,
            DatePrecision.MidMonth => 20,
            DatePrecision.Year => 31,
            _ => last,
        };
        return precision == DatePrecision.Year
            ? new Deadline(new DateOnly(year, 12, 31), precision)
            : new Deadline(new DateOnly(year, month, day), precision);
    }

    public static Deadline OnDay(DateOnly date) => new(date, DatePrecision.Day);

    public bool IsPassed(DateOnly today) => today > Date;

    /// <summary>The Chinese wording a plan would use for this deadline.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Date.Year}年{Date.Month}月",
        DatePrecision.EarlyMonth => $"{Date.Year}年{Date.Month}月初",
        DatePrecision.MidMonth => $"{Date.Year}年{Date.Month}月中旬",
        DatePrecision.EndOfMonth => $"{Date.Year}年{Date.Month}月底",
        DatePrecision.Year => $"{Date.Year}年底",
        _ => Date.ToString("O", CultureInfo.InvariantCulture),
    };
}
