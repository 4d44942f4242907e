using Minsheng.Domain.Plans;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Tests;

public class IndicatorTests
{
    [Fact]
    public void A_percentage_above_100_is_a_wrong_figure()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator(Guid.NewGuid(), 0, "覆盖率", Comparator.Reach, new Quantity(165m, "%")));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Equal("targetValue", error.Field);
    }

    [Fact]
    public void A_target_without_a_unit_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator(Guid.NewGuid(), 0, "改造", Comparator.AtLeast, new Quantity(10m, " ")));

        Assert.Equal("unit", error.Field);
    }

    [Theory]
    [InlineData(Comparator.AtLeast, 6910, 6910, true)]
    [InlineData(Comparator.AtLeast, 6910, 6909, false)]
    [InlineData(Comparator.AtMost, 18.93, 18.5, true)]
    [InlineData(Comparator.AtMost, 18.93, 19, false)]
    [InlineData(Comparator.About, 1000, 960, true)]
    public void Comparators_judge_actuals(Comparator comparator, double target, double actual, bool met)
    {
        Assert.Equal(met, comparator.IsMet((decimal)target, (decimal)actual));
    }

    [Fact]
    public void Completion_ratio_is_actual_over_target()
    {
        var indicator = new Indicator(Guid.NewGuid(), 0, "新增就业", Comparator.AtLeast, new Quantity(800m, "人"));

        Assert.Equal(1.875m, indicator.CompletionRatio(1500m));
    }
}
