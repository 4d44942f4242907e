using Minsheng.Application.Demo;

namespace Minsheng.Testing;

/// <summary>Fresh tenants for each test: unique region codes, generated plans. Tests never share a tenant they change.</summary>
public static class TestTenants
{
    private static int _next = Random.Shared.Next(0, 5000);

    /// <summary>A unique six-digit county code under the synthetic test province 98.</summary>
    public static string NewRegionCode()
    {
        var n = Interlocked.Increment(ref _next) % 9900;
        return $"98{n / 99 + 1:00}{n % 99 + 1:00}";
    }

    public static async Task<DemoTenantData> CreateAsync(string ownerConnectionString, int projects = 12, int reportMonths = 3)
    {
        var code = NewRegionCode();
        var province = new DemoTenantSpec("980000", "测试省", null, 0);
        var city = new DemoTenantSpec(code[..4] + "00", "测试市", "980000", 0);
        var county = new DemoTenantSpec(code, $"测试县{code}", city.RegionCode, projects, reportMonths);
        var data = DemoDataGenerator.Generate([province, city, county]);
        var tenantData = data.Tenants.Single(t => t.Tenant.RegionCode == code);
        await DemoDataLoader.LoadAsync(ownerConnectionString, data with { Tenants = [tenantData] });
        return tenantData;
    }
}
