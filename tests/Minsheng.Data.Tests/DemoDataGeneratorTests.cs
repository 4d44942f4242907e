using Minsheng.Application.Demo;

namespace Minsheng.Data.Tests;

public sealed class DemoDataGeneratorTests
{
    [Fact]
    public void The_same_specs_give_the_same_plans()
    {
        var first = DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants);
        var second = DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants);

        Assert.Equal(
            first.Tenants.SelectMany(t => t.Projects).Select(p => (p.Name, p.Content, p.InvestmentYuan)),
            second.Tenants.SelectMany(t => t.Projects).Select(p => (p.Name, p.Content, p.InvestmentYuan)));
        Assert.Equal(
            first.Tenants.SelectMany(t => t.Indicators).Select(i => (i.Label, i.TargetValue, i.Unit)),
            second.Tenants.SelectMany(t => t.Indicators).Select(i => (i.Label, i.TargetValue, i.Unit)));
    }

    [Fact]
    public void The_benchmark_shape_has_exactly_the_requested_targets_and_reports()
    {
        var data = DemoDataGenerator.Generate(DemoDataGenerator.SyntheticCounties(5, projectsPerTenant: 20, reportMonths: 12, targetsPerProject: 3));

        var counties = data.Tenants.Where(t => t.Projects.Count > 0).ToList();
        Assert.Equal(5, counties.Count);
        Assert.All(counties, t =>
        {
            Assert.Equal(20, t.Projects.Count);
            Assert.All(t.Projects, p => Assert.Equal(3, t.Indicators.Count(i => i.ProjectId == p.Id)));
            Assert.All(t.Projects, p => Assert.Equal(12, t.Reports.Count(r => r.ProjectId == p.Id)));
            // Synthetic names end in digits; departments still read 县民政局, not 1民政局.
            Assert.All(t.Units, u => Assert.StartsWith("县", u.Name));
        });
    }

    [Fact]
    public void Demo_tenants_name_departments_after_their_own_level()
    {
        var data = DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants);

        Assert.Contains(data.Tenants.Single(t => t.Tenant.RegionCode == "411302").Units, u => u.Name == "区民政局");
        Assert.Contains(data.Tenants.Single(t => t.Tenant.RegionCode == "411321").Units, u => u.Name == "县民政局");
        Assert.Contains(data.Tenants.Single(t => t.Tenant.RegionCode == "411300").Units, u => u.Name == "市民政局");
        Assert.InRange(data.Tenants.Single(t => t.Tenant.RegionCode == "411303").Projects.Count, 10, 20);
    }
}
