using System.Diagnostics;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Hosting;

/// <summary>What the process was configured with. Null connection strings select the embedded default.</summary>
public sealed record DatabaseSettings(
    string? AppConnectionString,
    string? OwnerConnectionString,
    string? EmbeddedDataDirectory = null,
    int EmbeddedPort = EmbeddedDefaults.Port,
    bool LoadDemoData = true);

/// <summary>The database the process runs on, and the embedded cluster behind it when there is one.</summary>
public sealed class PreparedDatabase(DatabaseOptions options, EmbeddedPostgres? embedded, string? ownerConnectionString, TimeSpan preparation)
{
    public DatabaseOptions Options { get; } = options;
    public EmbeddedPostgres? Embedded { get; } = embedded;
    /// <summary>Known for the embedded default and when configured; null when only the app role was given.</summary>
    public string? OwnerConnectionString { get; } = ownerConnectionString;
    public TimeSpan Preparation { get; } = preparation;
}

/// <summary>
/// With an application connection string, that server is used as it is (migrations are an explicit
/// deployment step, or run here when the owner's connection string is also given). Without one, the
/// embedded default: a private PostgreSQL cluster in a data folder, migrated, demo tenants loaded on
/// first start (loading skips tenants that exist).
/// </summary>
public static class DatabaseBootstrap
{
    public static async Task<PreparedDatabase> PrepareAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        var started = Stopwatch.StartNew();
        if (!string.IsNullOrWhiteSpace(settings.AppConnectionString))
        {
            if (!string.IsNullOrWhiteSpace(settings.OwnerConnectionString)) await DatabaseSetup.MigrateAsync(settings.OwnerConnectionString, ct);
            return new PreparedDatabase(new DatabaseOptions(settings.AppConnectionString), null, settings.OwnerConnectionString, started.Elapsed);
        }

        var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = settings.EmbeddedDataDirectory ?? EmbeddedDefaults.DataDirectory(),
            Port = settings.EmbeddedPort,
        }, ct);
        var owner = embedded.ConnectionString("minsheng");
        await DatabaseSetup.MigrateAsync(owner, ct);
        if (settings.LoadDemoData) await DemoDataLoader.LoadAsync(owner, DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants), ct);
        return new PreparedDatabase(new DatabaseOptions(DatabaseSetup.AppConnectionString(owner)), embedded, owner, started.Elapsed);
    }
}
