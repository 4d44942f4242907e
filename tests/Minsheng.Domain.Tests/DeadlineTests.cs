using Minsheng.Domain.Values;

namespace Minsheng.Domain.Tests;

public class DeadlineTests
{
    [Theory]
    [InlineData(DatePrecision.EarlyMonth, 10)]
    [InlineData(DatePrecision.MidMonth, 20)]
    [InlineData(DatePrecision.EndOfMonth, 31)]
    [InlineData(DatePrecision.Month, 31)]
    public void A_stated_deadline_falls_on_the_last_day_it_allows(DatePrecision precision, int expectedDay)
    {
        var deadline = Deadline.Of(2024, 3, precision);

        Assert.Equal(new DateOnly(2024, 3, expectedDay), deadline.Date);
    }

    [Fact]
    public void February_ends_on_its_own_last_day()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Deadline.Of(2024, 2, DatePrecision.EndOfMonth).Date);
        Assert.Equal(new DateOnly(2023, 2, 28), Deadline.Of(2023, 2, DatePrecision.Month).Date);
    }

    [Fact]
    public void Prints_as_a_plan_would_write_it()
    {
        Assert.Equal("2024年3月中旬", Deadline.Of(2024, 3, DatePrecision.MidMonth).ToString());
        Assert.Equal("2022年12月", Deadline.Of(2022, 12, DatePrecision.Month).ToString());
    }

    [Fact]
    public void A_month_outside_the_calendar_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.Of(2024, 13, DatePrecision.Month));
    }
}
