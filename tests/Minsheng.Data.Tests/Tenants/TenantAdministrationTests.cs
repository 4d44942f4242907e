using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application;
using Minsheng.Application.Common;
using Minsheng.Application.Importing;
using Minsheng.Application.Tenants;
using Minsheng.Data.Reference;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests.Tenants;

/// <summary>
/// Issue #14: nothing created a tenant outside the demo data, and the regions table held only the demo
/// regions. The shipped GB/T 2260 list and TenantAdministration onboard a county, as the application role.
/// </summary>
public sealed class TenantAdministrationTests : IAsyncLifetime
{
    private string _owner = "";
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        // A database of its own: region codes are unique, and these tests add real ones.
        _owner = await PostgresCluster.CreateMigratedDatabaseAsync("tenants");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMinshengTenancy();
        services.AddMinshengData(new DatabaseOptions(DatabaseSetup.AppConnectionString(_owner)));
        services.AddMinshengApplication();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Adding_潢川县_creates_a_county_tenant_under_信阳市_and_河南省_with_an_audit_entry()
    {
        var added = await AddAsync("411526", actor: "test:onboarding");

        Assert.Equal(("411526", "潢川县", RegionLevel.County), (added.RegionCode, added.Name, added.Level));
        Assert.Equal(["410000 河南省 Province", "411500 信阳市 City"], added.Ancestors.Select(r => $"{r.Code} {r.Name} {r.Level}"));
        var tenant = await _services.GetRequiredService<ITenantStore>().FindByRegionCodeAsync("411526", CancellationToken.None);
        Assert.Equal(added.Id, tenant!.TenantId);
        Assert.Equal(RegionLevel.County, tenant.Level);
        Assert.Equal("create Tenant test:onboarding", await OwnerScalarAsync<string>(
            "SELECT action || ' ' || entity_type || ' ' || actor FROM audit_entries WHERE tenant_id = $1", added.Id));
    }

    [Fact]
    public async Task Adding_a_region_that_is_already_a_tenant_is_a_conflict()
    {
        await AddAsync("411525");

        var refused = await Assert.ThrowsAsync<DomainException>(() => AddAsync("411525"));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal("411525 固始县 is already a tenant.", refused.Message);
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM tenants WHERE region_code = $1", "411525"));
    }

    [Theory]
    [InlineData("41152", "is not a region code")]
    [InlineData("41152x", "is not a region code")]
    [InlineData("411599", "No administrative division has the code 411599")]
    public async Task A_malformed_or_unknown_code_is_invalid_input(string code, string message)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => AddAsync(code));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("regionCode", refused.Field);
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public async Task A_new_tenant_can_be_imported_into_at_once()
    {
        var added = await AddAsync("411521");
        var tenant = await _services.GetRequiredService<ITenantStore>().FindByRegionCodeAsync(added.RegionCode, CancellationToken.None);
        var document = Encoding.UTF8.GetBytes("罗山县2025年民生实事清单\n\t序号\n\t项目名称\n\t建设内容\n\t牵头单位\n\n\t1\n\t口袋公园\n\t新建口袋公园5个。\n\t县园林中心\n");

        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(tenant);
        var outcome = await scope.ServiceProvider.GetRequiredService<PlanImportService>().ImportAsync(document, "luoshan.txt", dryRun: false, null, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Result.Errors));
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM projects WHERE tenant_id = $1", added.Id));
    }

    [Fact]
    public async Task The_shipped_division_list_is_in_the_database_with_the_demo_regions_named_correctly()
    {
        var shipped = RegionReferenceData.Load();
        var names = await OwnerRegionNamesAsync();

        Assert.InRange(shipped.Count, 3000, 3500);
        Assert.Equal(shipped.Count, names.Count);
        foreach (var (code, name) in new[] { ("410000", "河南省"), ("411300", "南阳市"), ("411302", "宛城区"), ("411303", "卧龙区"),
                     ("411321", "南召县"), ("411322", "方城县"), ("411500", "信阳市"), ("411526", "潢川县") })
            Assert.Equal(name, names[code]);
        // Every parent is itself in the list, one level up (or a province for divisions it administers directly).
        var byCode = shipped.ToDictionary(r => r.Code);
        Assert.All(shipped.Where(r => r.ParentCode is not null), r => Assert.True(byCode[r.ParentCode!].Level < r.Level, r.Code));
        Assert.All(shipped, r => Assert.Equal(r.Level == RegionLevel.Province, r.ParentCode is null));
    }

    private async Task<AddedTenant> AddAsync(string code, string actor = "test")
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(null);
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Name = actor;
        return await scope.ServiceProvider.GetRequiredService<TenantAdministration>().AddAsync(code, CancellationToken.None);
    }

    private async Task<T> OwnerScalarAsync<T>(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(_owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<string, string>> OwnerRegionNamesAsync()
    {
        await using var connection = new NpgsqlConnection(_owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT code, name FROM regions", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new Dictionary<string, string>();
        while (await reader.ReadAsync()) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
