using Minsheng.Domain.Supervision;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Tests;

/// <summary>The README's status and light rules, on a fixed calendar (plan year 2024).</summary>
public sealed class StatusRulesTests
{
    private static readonly DateOnly Oct1 = new(2024, 10, 1); // 75 % of 2024 gone

    private static ProjectFacts Facts(decimal? actual = null, decimal target = 100, Comparator comparator = Comparator.AtLeast,
        MilestoneFact[]? milestones = null, OverdueFact[]? overdue = null, bool reported = true, LightSince? recorded = null) =>
        new(2024, null, [new TargetFact("改造老旧小区", comparator, target, actual)], milestones ?? [], overdue ?? [], reported, recorded);

    [Fact]
    public void Thirty_per_cent_done_with_three_quarters_of_the_year_gone_is_lagging_and_red()
    {
        var a = StatusRules.Assess(Facts(actual: 30), Oct1);

        Assert.Equal(75, a.ElapsedPercent);
        Assert.Equal(30, a.ProgressPercent);
        Assert.Equal(ProjectStatus.Lagging, a.Status);
        Assert.Equal(Light.Red, a.Light);
        var reason = Assert.Single(a.Reasons);
        Assert.Equal("BEHIND_SCHEDULE", reason.Code);
        Assert.Contains("落后45个百分点", reason.Message);
    }

    [Theory]
    [InlineData(65, ProjectStatus.OnTrack, Light.Green)] // 10 behind
    [InlineData(55, ProjectStatus.AtRisk, Light.Yellow)] // 20 behind
    [InlineData(45, ProjectStatus.Lagging, Light.Red)] // 30 behind
    public void The_gap_between_progress_and_time_sets_the_light(decimal actual, ProjectStatus status, Light light)
    {
        var a = StatusRules.Assess(Facts(actual: actual), Oct1);

        Assert.Equal(status, a.Status);
        Assert.Equal(light, a.Light);
    }

    [Fact]
    public void Tenant_thresholds_move_the_lines()
    {
        var strict = new StatusThresholds { AtRiskGapPoints = 5, LaggingGapPoints = 8 };

        Assert.Equal(Light.Red, StatusRules.Assess(Facts(actual: 65), Oct1, strict).Light);
    }

    [Theory]
    [InlineData(10, Light.Yellow)]
    [InlineData(30, Light.Red)]
    public void A_missed_milestone_is_yellow_then_red(int daysLate, Light light)
    {
        var due = Deadline.Of(2024, 9, DatePrecision.MidMonth); // 20 September
        var a = StatusRules.Assess(Facts(actual: 70, milestones: [new("完成招标", due, null)]), due.Date.AddDays(daysLate));

        var reason = Assert.Single(a.Reasons);
        Assert.Equal("MISSED_MILESTONE", reason.Code);
        Assert.Equal(light, a.Light);
        Assert.Contains("2024年9月中旬", reason.Message);
    }

    [Fact]
    public void A_milestone_achieved_even_late_is_no_reason()
    {
        var due = Deadline.Of(2024, 9, DatePrecision.EndOfMonth);
        var a = StatusRules.Assess(Facts(actual: 70, milestones: [new("完成招标", due, due.Date.AddDays(3))]), Oct1.AddDays(20));

        Assert.Empty(a.Reasons);
        Assert.Equal(Light.Green, a.Light);
    }

    [Theory]
    [InlineData(5, Light.Yellow)]
    [InlineData(15, Light.Red)]
    public void An_overdue_report_is_yellow_then_red(int daysLate, Light light)
    {
        var dueOn = new DateOnly(2024, 10, 5);
        var a = StatusRules.Assess(Facts(actual: 80, overdue: [new(new DateOnly(2024, 9, 1), dueOn)]), dueOn.AddDays(daysLate));

        Assert.Equal("OVERDUE_REPORT", Assert.Single(a.Reasons).Code);
        Assert.Equal(light, a.Light);
        Assert.Contains("9月报告未报送", a.Reasons[0].Message);
    }

    [Theory]
    [InlineData(100, Comparator.AtLeast, ProjectStatus.Completed)]
    [InlineData(120, Comparator.AtLeast, ProjectStatus.Exceeded)]
    [InlineData(96, Comparator.About, ProjectStatus.Completed)] // 约: a 5 % shortfall is met
    [InlineData(90, Comparator.AtMost, ProjectStatus.Completed)] // 不高于
    public void Every_target_met_is_completed_or_exceeded(decimal actual, Comparator comparator, ProjectStatus status)
    {
        var a = StatusRules.Assess(Facts(actual: actual, comparator: comparator), new DateOnly(2024, 6, 30));

        Assert.Equal(status, a.Status);
        Assert.Equal(Light.Green, a.Light);
    }

    [Fact]
    public void Met_targets_awaiting_certification_are_on_track_not_completed_and_say_who_certifies()
    {
        var facts = Facts(actual: 120);
        var awaiting = facts with { Targets = [facts.Targets[0] with { AwaitingCertifier = "区统计局" }] };

        var a = StatusRules.Assess(awaiting, new DateOnly(2024, 6, 30));
        var notMet = StatusRules.Assess(Facts(actual: 30) with { Targets = [new TargetFact("改造老旧小区", Comparator.AtLeast, 100, 30, "区统计局")] },
            new DateOnly(2024, 6, 30));

        Assert.Equal((ProjectStatus.OnTrack, Light.Green), (a.Status, a.Light));
        Assert.Equal(("AWAITING_CERTIFICATION", "目标已完成，待区统计局核定"), (Assert.Single(a.Reasons).Code, a.Reasons[0].Message));
        // Not met yet: nothing to certify, and the usual rules speak.
        Assert.DoesNotContain(notMet.Reasons, r => r.Code == "AWAITING_CERTIFICATION");
    }

    [Fact]
    public void Without_any_report_a_project_is_not_started_until_the_time_says_otherwise()
    {
        var early = StatusRules.Assess(Facts(reported: false), new DateOnly(2024, 1, 31));
        var half = StatusRules.Assess(Facts(reported: false), new DateOnly(2024, 7, 1));

        Assert.Equal((ProjectStatus.NotStarted, Light.Green), (early.Status, early.Light));
        Assert.Equal((ProjectStatus.Lagging, Light.Red), (half.Status, half.Light));
        Assert.Equal("BEHIND_SCHEDULE", Assert.Single(half.Reasons).Code);
    }

    [Fact]
    public void The_time_runs_to_the_project_deadline_not_the_year_end()
    {
        var facts = Facts(actual: 60) with { Deadline = new DateOnly(2024, 6, 30) };

        var a = StatusRules.Assess(facts, new DateOnly(2024, 6, 30));

        Assert.Equal(100, a.ElapsedPercent);
        Assert.Equal(Light.Red, a.Light);
    }

    [Fact]
    public void Yellow_for_thirty_days_escalates_to_red_and_stays_red_while_yellow_underneath()
    {
        var yellowSince = new DateOnly(2024, 9, 1);
        var facts = Facts(actual: 55, recorded: new LightSince(Light.Yellow, yellowSince)); // 20 behind on Oct 1: yellow

        var day29 = StatusRules.Assess(facts, yellowSince.AddDays(29));
        var day31 = StatusRules.Assess(facts, yellowSince.AddDays(31));

        Assert.Equal(Light.Yellow, day29.Light);
        Assert.Equal(yellowSince, day29.LightSince);
        Assert.Equal(Light.Red, day31.Light);
        Assert.Equal(yellowSince.AddDays(30), day31.LightSince);
        Assert.Contains(day31.Reasons, r => r.Code == "ESCALATED");

        // The next day, from the history's record of the escalation: still red, since the same day.
        var next = StatusRules.Assess(facts with { Recorded = day31.ToRecord() }, yellowSince.AddDays(32));
        Assert.Equal((Light.Red, yellowSince.AddDays(30)), (next.Light, next.LightSince));
    }

    [Fact]
    public void An_escalated_red_ends_when_the_project_recovers()
    {
        var recorded = new LightSince(Light.Red, new DateOnly(2024, 9, 1), Escalated: true);

        var a = StatusRules.Assess(Facts(actual: 70, recorded: recorded), Oct1);

        Assert.Equal((Light.Green, Oct1), (a.Light, a.LightSince));
    }

    [Fact]
    public void Red_for_fourteen_days_proposes_supervision()
    {
        var redSince = new DateOnly(2024, 9, 20);
        var facts = Facts(actual: 30, recorded: new LightSince(Light.Red, redSince));

        Assert.False(StatusRules.Assess(facts, redSince.AddDays(13)).SupervisionSuggested);
        var a = StatusRules.Assess(facts, redSince.AddDays(14));
        Assert.True(a.SupervisionSuggested);
        Assert.Equal(redSince, a.LightSince);
    }

    [Theory]
    [InlineData(0, 30, "atRiskGapPoints")]
    [InlineData(20, 20, "laggingGapPoints")]
    public void Thresholds_that_make_no_sense_are_refused_by_name(int atRisk, int lagging, string field)
    {
        var e = Assert.Throws<DomainException>(() => new StatusThresholds { AtRiskGapPoints = atRisk, LaggingGapPoints = lagging }.Validated());

        Assert.Equal(field, e.Field);
    }
}
