using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application;
using Minsheng.Application.Common;
using Minsheng.Application.Importing;
using Minsheng.Application.Tenants;
using Minsheng.Data.Reference;
using Minsheng.Domain;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Tenancy;
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

    /// <summary>Issue #16 §1: a tenant that stops using the platform is disabled, not deleted, and can come back.</summary>
    [Fact]
    public async Task Disabling_a_tenant_hides_it_from_the_store_at_once_and_enabling_it_brings_it_back_with_audit_entries()
    {
        var added = await AddAsync("411523", actor: "test:lifecycle");
        var store = _services.GetRequiredService<ITenantStore>();
        // Cached now: the disable below must not be hidden by the store's cache minute.
        Assert.NotNull(await store.FindByRegionCodeAsync("411523", CancellationToken.None));

        var disabled = await AdministerAsync(a => a.DisableAsync(" 411523 ", CancellationToken.None), actor: "test:lifecycle");
        var whileDisabled = await store.FindByRegionCodeAsync("411523", CancellationToken.None);
        var status = await store.FindInactiveStatusAsync("411523", CancellationToken.None);
        var enabled = await AdministerAsync(a => a.EnableAsync("411523", CancellationToken.None), actor: "test:lifecycle");
        var afterEnable = await store.FindByRegionCodeAsync("411523", CancellationToken.None);

        Assert.Equal(("411523", "新县", TenantStatus.Disabled), (disabled.RegionCode, disabled.Name, disabled.Status));
        Assert.Null(whileDisabled);
        Assert.Equal("Disabled", status);
        Assert.Equal(TenantStatus.Active, enabled.Status);
        Assert.Equal(added.Id, afterEnable!.TenantId);
        Assert.Null(await store.FindInactiveStatusAsync("411523", CancellationToken.None));
        Assert.Equal("create,disable,enable", await OwnerScalarAsync<string>(
            "SELECT string_agg(action || '', ',' ORDER BY at, id) FROM audit_entries WHERE tenant_id = $1 AND actor = 'test:lifecycle'", added.Id));
        Assert.Equal("Active Disabled", await OwnerScalarAsync<string>(
            "SELECT (before->>'Status') || ' ' || (after->>'Status') FROM audit_entries WHERE tenant_id = $1 AND action = 'disable'", added.Id));
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM tenants WHERE region_code = $1", "411523"));
    }

    [Fact]
    public async Task Disabling_a_disabled_tenant_or_enabling_an_active_one_is_a_conflict_and_writes_nothing()
    {
        var added = await AddAsync("411524");
        await AdministerAsync(a => a.DisableAsync("411524", CancellationToken.None));

        var disableAgain = await Assert.ThrowsAsync<DomainException>(() => AdministerAsync(a => a.DisableAsync("411524", CancellationToken.None)));
        await AdministerAsync(a => a.EnableAsync("411524", CancellationToken.None));
        var enableAgain = await Assert.ThrowsAsync<DomainException>(() => AdministerAsync(a => a.EnableAsync("411524", CancellationToken.None)));

        Assert.Equal((DomainErrorKind.Conflict, "411524 商城县 is already disabled."), (disableAgain.Kind, disableAgain.Message));
        Assert.Equal((DomainErrorKind.Conflict, "411524 商城县 is already enabled."), (enableAgain.Kind, enableAgain.Message));
        Assert.Equal(3L, await OwnerScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE tenant_id = $1", added.Id));
    }

    [Theory]
    [InlineData("41152", "is not a region code")]
    [InlineData("411599", "No tenant has the region code 411599")]
    [InlineData("411522", "No tenant has the region code 411522")]
    public async Task Disabling_or_enabling_a_malformed_code_or_one_without_a_tenant_is_invalid_input(string code, string message)
    {
        var disable = await Assert.ThrowsAsync<DomainException>(() => AdministerAsync(a => a.DisableAsync(code, CancellationToken.None)));
        var enable = await Assert.ThrowsAsync<DomainException>(() => AdministerAsync(a => a.EnableAsync(code, CancellationToken.None)));

        Assert.All(new[] { disable, enable }, refused =>
        {
            Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
            Assert.Equal("regionCode", refused.Field);
            Assert.Contains(message, refused.Message);
        });
    }

    /// <summary>The migration grants the app role UPDATE on the status column only: the rest of a tenant stays the owner's.</summary>
    [Fact]
    public async Task The_application_role_may_change_a_tenants_status_but_nothing_else_and_delete_no_tenant()
    {
        await AddAsync("411521");
        await using var app = new NpgsqlConnection(DatabaseSetup.AppConnectionString(_owner));
        await app.OpenAsync();

        await using (var status = new NpgsqlCommand("UPDATE tenants SET status = status WHERE region_code = '411521'", app))
            Assert.Equal(1, await status.ExecuteNonQueryAsync());
        await using var rename = new NpgsqlCommand("UPDATE tenants SET name = 'x' WHERE region_code = '411521'", app);
        var renameRefused = await Assert.ThrowsAsync<PostgresException>(() => rename.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("DELETE FROM tenants WHERE region_code = '411521'", app);
        var deleteRefused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, renameRefused.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, deleteRefused.SqlState);
    }

    private async Task<T> AdministerAsync<T>(Func<TenantAdministration, Task<T>> work, string actor = "test")
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(null);
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Name = actor;
        return await work(scope.ServiceProvider.GetRequiredService<TenantAdministration>());
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
