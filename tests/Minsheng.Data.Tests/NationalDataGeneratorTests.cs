using Minsheng.Application.Demo;
using Minsheng.Domain.Supervision;

namespace Minsheng.Data.Tests;

/// <summary>Issue 20 §1: the national data set's shape, and that the same seed gives the same country.</summary>
public sealed class NationalDataGeneratorTests
{
    [Fact]
    public void Every_shipped_region_is_a_tenant_with_10_to_30_projects()
    {
        var regions = NationalData.Regions(null);
        var specs = DemoDataGenerator.National(regions);

        Assert.Equal(3213, specs.Count);
        Assert.Equal(regions.Select(r => r.Code), specs.Select(s => s.RegionCode));
        Assert.All(specs, s => Assert.InRange(s.ProjectCount, 10, 30));
        // Not all the same size: the counts spread over the range.
        Assert.True(specs.Select(s => s.ProjectCount).Distinct().Count() > 15);
    }

    [Fact]
    public void A_province_under_a_seed_is_the_same_every_time_and_differs_under_another()
    {
        var first = DemoDataGenerator.Generate(DemoDataGenerator.National(NationalData.Regions("640000"), seed: 7), seed: 7);
        var second = DemoDataGenerator.Generate(DemoDataGenerator.National(NationalData.Regions("640000"), seed: 7), seed: 7);
        var other = DemoDataGenerator.Generate(DemoDataGenerator.National(NationalData.Regions("640000"), seed: 8), seed: 8);

        static IEnumerable<object> Figures(DemoDataSet data) => data.Tenants.SelectMany(t =>
            t.Projects.Select(p => (object)(p.Name, p.InvestmentYuan))
                .Concat(t.Indicators.Select(i => (object)(i.Label, i.TargetValue)))
                .Concat(t.Actuals.Select(a => (object)a.Value))
                .Concat(t.Lights.Select(l => (object)(l.RecordedFor, l.Light, l.Since))));
        Assert.Equal(Figures(first), Figures(second));
        Assert.NotEqual(Figures(first), Figures(other));
    }

    [Fact]
    public void A_supervised_year_has_every_figure_and_lights_recorded_only_when_they_change()
    {
        var data = DemoDataGenerator.Generate(DemoDataGenerator.National(NationalData.Regions("640000")));

        Assert.Equal(28, data.Tenants.Count);
        var projects = data.Tenants.SelectMany(t => t.Projects).ToList();
        var indicators = data.Tenants.SelectMany(t => t.Indicators).ToLookup(i => i.ProjectId);
        var reports = data.Tenants.SelectMany(t => t.Reports).ToLookup(r => r.ProjectId);
        var actuals = data.Tenants.SelectMany(t => t.Actuals).ToLookup(a => a.ReportId);
        var lights = data.Tenants.SelectMany(t => t.Lights).ToLookup(l => l.ProjectId);
        Assert.All(projects, p =>
        {
            Assert.InRange(indicators[p.Id].Count(), 2, 5);
            Assert.Equal(Enumerable.Range(1, 12), reports[p.Id].Select(r => r.Period.Month));
            Assert.All(reports[p.Id], r => Assert.Equal(indicators[p.Id].Count(), actuals[r.Id].Count()));
            // Cumulative figures never go down from one month to the next.
            foreach (var indicator in indicators[p.Id])
            {
                var values = reports[p.Id].OrderBy(r => r.Period).Select(r => actuals[r.Id].Single(a => a.IndicatorId == indicator.Id).Value).ToList();
                Assert.Equal(values.Order(), values);
            }
            var history = lights[p.Id].OrderBy(l => l.RecordedFor).ToList();
            Assert.NotEmpty(history);
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.NotEqual((pair.First.Light, pair.First.Since, pair.First.Escalated),
                (pair.Second.Light, pair.Second.Since, pair.Second.Escalated)));
        });
        // A country has all three: some projects keep pace, some slip, some fall behind — and the red ones got a 督办.
        Assert.Equal([Light.Green, Light.Yellow, Light.Red], data.Tenants.SelectMany(t => t.Lights).Select(l => l.Light).Distinct().Order());
        var red = data.Tenants.SelectMany(t => t.Lights).Where(l => l.Light == Light.Red).Select(l => l.ProjectId).ToHashSet();
        var notices = data.Tenants.SelectMany(t => t.Notices).ToList();
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Contains(n.ProjectId, red));
    }
}
