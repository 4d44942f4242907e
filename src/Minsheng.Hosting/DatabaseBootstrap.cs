using System.Diagnostics;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Hosting;

/// <summary>What the process was configured with. Null connection strings select the embedded database, where allowed.</summary>
public sealed record DatabaseSettings
{
    public string? AppConnectionString { get; init; }
    public string? OwnerConnectionString { get; init; }

    /// <summary>The host environment. Only Development may fall back to the embedded database without being asked.</summary>
    public string EnvironmentName { get; init; } = "Production";

    /// <summary>Embedded:Enabled. Unset: on in Development, off elsewhere.</summary>
    public bool? EmbeddedEnabled { get; init; }

    /// <summary>Embedded:DataDirectory. Unset: <see cref="EmbeddedDefaults.DataDirectory()"/>.</summary>
    public string? EmbeddedDataDirectory { get; init; }

    public int EmbeddedPort { get; init; } = EmbeddedDefaults.Port;

    /// <summary>Embedded:LoadDemoData. Unset: on in Development, off elsewhere.</summary>
    public bool? LoadDemoData { get; init; }

    public bool IsDevelopment => string.Equals(EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How the process gets its database, decided from the settings alone (no I/O).</summary>
public sealed record DatabaseChoice(bool UseEmbedded, bool LoadDemoData, bool DurableEmbedded);

/// <summary>No database was configured and the embedded one was not asked for. The message says what to set.</summary>
public sealed class DatabaseNotConfiguredException(string message) : Exception(message);

/// <summary>The database the process runs on, and the embedded cluster behind it when there is one.</summary>
public sealed class PreparedDatabase(DatabaseOptions options, EmbeddedPostgres? embedded, string? ownerConnectionString, TimeSpan preparation,
    string? dataFolderNote = null, bool demoDataLoaded = false)
{
    public DatabaseOptions Options { get; } = options;
    public EmbeddedPostgres? Embedded { get; } = embedded;
    /// <summary>Known for the embedded database and when configured; null when only the app role was given.</summary>
    public string? OwnerConnectionString { get; } = ownerConnectionString;
    public TimeSpan Preparation { get; } = preparation;
    /// <summary>Why the embedded data folder is not the usual one, when it is not.</summary>
    public string? DataFolderNote { get; } = dataFolderNote;
    public bool DemoDataLoaded { get; } = demoDataLoaded;
}

/// <summary>
/// With an application connection string, that server is used as it is (migrations are an explicit
/// deployment step, or run here when the owner's connection string is also given). Without one, the
/// embedded database: a private PostgreSQL cluster in a data folder, migrated, demo tenants loaded on
/// first start when wanted (loading skips tenants that exist). Outside Development the embedded database
/// must be asked for: a production server that lost its connection string must not quietly start on an
/// empty private cluster.
/// </summary>
public static class DatabaseBootstrap
{
    public static DatabaseChoice Choose(DatabaseSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.AppConnectionString)) return new DatabaseChoice(false, false, false);
        if (settings.EmbeddedEnabled ?? settings.IsDevelopment)
            return new DatabaseChoice(true, settings.LoadDemoData ?? settings.IsDevelopment, DurableEmbedded: !settings.IsDevelopment);
        throw new DatabaseNotConfiguredException(settings.EmbeddedEnabled == false
            ? "No database is configured and Embedded:Enabled is false. Set ConnectionStrings__Minsheng to a connection as the " +
              "application role, or remove Embedded__Enabled=false."
            : $"No database is configured for the {settings.EnvironmentName} environment. Set ConnectionStrings__Minsheng to a " +
              "connection as the application role (and ConnectionStrings__MinshengOwner to apply migrations at start), or set " +
              "Embedded__Enabled=true to run a private PostgreSQL cluster on this machine.");
    }

    public static async Task<PreparedDatabase> PrepareAsync(DatabaseSettings settings, CancellationToken ct = default)
    {
        var choice = Choose(settings);
        var started = Stopwatch.StartNew();
        if (!choice.UseEmbedded)
        {
            if (!string.IsNullOrWhiteSpace(settings.OwnerConnectionString)) await PlatformDatabase.MigrateAsync(settings.OwnerConnectionString, ct);
            return new PreparedDatabase(new DatabaseOptions(settings.AppConnectionString!), null, settings.OwnerConnectionString, started.Elapsed);
        }

        var folder = settings.EmbeddedDataDirectory is { Length: > 0 } configured ? new DataFolderChoice(configured) : EmbeddedDefaults.DataDirectory();
        var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = folder.Path,
            Port = settings.EmbeddedPort,
            Durable = choice.DurableEmbedded,
        }, ct);
        try
        {
            var owner = embedded.ConnectionString("minsheng");
            await PlatformDatabase.MigrateAsync(owner, ct);
            if (choice.LoadDemoData) await DemoDataLoader.LoadAsync(owner, DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants), ct);
            return new PreparedDatabase(new DatabaseOptions(DatabaseSetup.AppConnectionString(owner)), embedded, owner, started.Elapsed,
                folder.Reason, choice.LoadDemoData);
        }
        catch
        {
            // Leave the cluster as we found it: our lease must not keep it running for nobody.
            await embedded.StopAsync();
            throw;
        }
    }
}
