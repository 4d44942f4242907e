using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minsheng.Api.Tests.Identity;
using Minsheng.Data;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Leaks;

/// <summary>The real server in Production, on its own demo database with the demo accounts; tenant filter as in use.</summary>
public class LeakFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>False: the application's own tenant filter is off and row-level security is the only guard.</summary>
    protected virtual bool ApplicationTenantFilter => true;

    public async Task InitializeAsync() => OwnerConnectionString = await PostgresCluster.CreateDemoDatabaseAsync("leak");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.AddDemoAccounts();
        if (!ApplicationTenantFilter)
            builder.ConfigureTestServices(services => services.AddSingleton(sp =>
                new DatabaseOptions(DatabaseSetup.AppConnectionString(OwnerConnectionString)) { ApplicationTenantFilter = false }));
    }

    /// <summary>A digest of every row of one tenant in every table that has a tenant_id, read as the owner (past row-level security).</summary>
    public async Task<string> TenantDigestAsync(string regionCode)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' " +
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var sql = string.Join(" || '|' || ", tables.Select(t =>
            $"(SELECT '{t}:' || count(*) || ':' || md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM {t} r " +
            $"WHERE r.tenant_id = (SELECT id FROM tenants WHERE region_code = $1))"));
        await using var command = new NpgsqlCommand("SELECT " + sql, connection) { Parameters = { new() { Value = regionCode } } };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>The same server with the application's tenant filter switched off: row-level security alone.</summary>
public sealed class FilterOffLeakFactory : LeakFactory
{
    protected override bool ApplicationTenantFilter => false;
}
