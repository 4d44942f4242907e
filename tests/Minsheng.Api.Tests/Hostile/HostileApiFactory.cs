using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minsheng.Data;
using Minsheng.Server.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Api.Tests.Hostile;

/// <summary>
/// The real server in the Production environment, on its own demo database. Production ignores the
/// development X-Tenant header, so a test-only strategy reads <see cref="TestTenantHeaderStrategy.HeaderName"/>
/// instead: a request without a token that names a tenant through it acts as the developer (every permission), so
/// the hostile requests reach the tenant-scoped paths with nothing refused for want of a permission (reads with rows
/// behind them, mutations that could write). Tokens have their own suites (Identity/, Leaks/).
/// </summary>
public sealed class HostileApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string OwnerConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        OwnerConnectionString = await PostgresCluster.CreateDemoDatabaseAsync("hostile");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(OwnerConnectionString));
        // The suite sends hundreds of requests a second from one address; rate limits have their own tests.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Logging does not change what a client sees; left on, every refused request would print its
        // exception to the console, which only slows the run down on a small machine.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddSingleton<ITenantResolutionStrategy, TestTenantHeaderStrategy>());
    }

    /// <summary>
    /// Rows of every tenant-owned table plus tenants and regions, each with a digest of its contents, read
    /// as the owner (who is not subject to row-level security). Equal snapshots mean nothing was inserted,
    /// deleted or updated.
    /// </summary>
    public async Task<TableSnapshot> SnapshotAsync(bool withDigests = true)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        var sql = string.Join("\nUNION ALL\n", TableSnapshot.Tables.Select(t => withDigests
            ? $"SELECT '{t}', count(*), md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM {t} r"
            : $"SELECT '{t}', count(*), '' FROM {t}"));
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new SortedDictionary<string, (long Count, string Digest)>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        return new TableSnapshot(rows);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>Test-only: <c>X-Test-Tenant: 411302</c> selects a tenant in any environment, for a request without a token.</summary>
public sealed class TestTenantHeaderStrategy : ITenantResolutionStrategy
{
    public const string HeaderName = "X-Test-Tenant";

    public string? GetIdentifier(HttpContext context) =>
        context.Request.Headers.TryGetValue(HeaderName, out var value) && value.Count > 0 ? value[0]?.Trim() : null;
}

public sealed record TableSnapshot(IReadOnlyDictionary<string, (long Count, string Digest)> Rows)
{
    /// <summary>The tenant-owned tables (as RowLevelSecurityTables lists them) and the shared ones a request must not touch either.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "plans", "projects", "project_units", "indicators", "milestones", "units", "progress_reports", "report_actuals", "audit_entries",
        "tenants", "regions",
    ];

    /// <summary>What changed between this snapshot and a later one, e.g. "units 120→121"; empty when nothing did.</summary>
    public IReadOnlyList<string> Differences(TableSnapshot later) =>
        [.. Tables.Where(t => Rows[t] != later.Rows[t])
            .Select(t => Rows[t].Count == later.Rows[t].Count
                ? $"{t} rows changed in place ({Rows[t].Count} rows)"
                : $"{t} {Rows[t].Count}→{later.Rows[t].Count}")];

    /// <summary>These counts with the digests of <paramref name="earlier"/>: for a snapshot taken without digests.</summary>
    public TableSnapshot WithDigestsOf(TableSnapshot earlier) =>
        new(Tables.ToDictionary(t => t, t => (Rows[t].Count, earlier.Rows[t].Digest)));

    public string Counts => string.Join(", ", Tables.Select(t => $"{t}={Rows[t].Count}"));
}
