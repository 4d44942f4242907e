using Minsheng.Plugins.Abstractions;
using Minsheng.Plugins.StatisticsBureau;

namespace Minsheng.Plugins.Tests;

/// <summary>Which targets a statistics bureau named on a project certifies: what is counted, not rates or money.</summary>
public sealed class StatisticsBureauPolicyTests
{
    private static readonly CertifierUnit Bureau = new(Guid.NewGuid(), "宛城区统计局");
    private static readonly CertifierUnit Housing = new(Guid.NewGuid(), "区住建局");

    private static readonly CertificationTarget[] Targets =
    [
        new(0, "老旧小区改造", "户"), new(1, "农村公路", "公里"), new(2, "群众满意率", "%"), new(3, "完成投资", "万元"), new(4, "婴儿死亡率", "‰"),
    ];

    [Fact]
    public void The_bureau_named_on_a_project_certifies_its_counted_targets()
    {
        var required = new StatisticsBureauPolicy().Requirements(new CertificationSubject("开展城镇老旧小区改造", [Housing, Bureau], Targets));

        Assert.Equal([(0, "宛城区统计局"), (1, "宛城区统计局")], required.Select(r => (r.Position, r.Certifier.Name)));
    }

    [Fact]
    public void Without_a_statistics_unit_among_the_certifiers_nothing_needs_certifying()
    {
        Assert.Empty(new StatisticsBureauPolicy().Requirements(new CertificationSubject("开展城镇老旧小区改造", [Housing], Targets)));
        Assert.Empty(new StatisticsBureauPolicy().Requirements(new CertificationSubject("开展城镇老旧小区改造", [], Targets)));
    }
}
