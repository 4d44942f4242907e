using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Server;

/// <summary>The database the server runs on, and the embedded cluster behind it when there is one.</summary>
public sealed class PreparedDatabase(DatabaseOptions options, EmbeddedPostgres? embedded, TimeSpan preparation)
{
    public DatabaseOptions Options { get; } = options;
    public EmbeddedPostgres? Embedded { get; } = embedded;
    public TimeSpan Preparation { get; } = preparation;
}

/// <summary>
/// With <c>ConnectionStrings:Minsheng</c> set, the server uses that server as it is (migrations are an
/// explicit deployment step, or run here when <c>ConnectionStrings:MinshengOwner</c> is also given).
/// Without it, the embedded default: a private PostgreSQL cluster in a data folder, migrated, with demo
/// tenants loaded on first start.
/// </summary>
public static class DatabaseBootstrap
{
    public static async Task<PreparedDatabase> PrepareAsync(IConfiguration configuration)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var appConnection = configuration.GetConnectionString("Minsheng");
        var ownerConnection = configuration.GetConnectionString("MinshengOwner");
        if (!string.IsNullOrWhiteSpace(appConnection))
        {
            if (!string.IsNullOrWhiteSpace(ownerConnection)) await DatabaseSetup.MigrateAsync(ownerConnection);
            return new PreparedDatabase(new DatabaseOptions(appConnection), null, started.Elapsed);
        }

        var dataDirectory = configuration["Embedded:DataDirectory"] ?? ".minsheng/pgdata";
        if (!Path.IsPathRooted(dataDirectory)) dataDirectory = Path.Combine(Directory.GetCurrentDirectory(), dataDirectory);
        EmbeddedPostgres embedded;
        try
        {
            embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
            {
                DataDirectory = dataDirectory,
                Port = configuration.GetValue("Embedded:Port", 55432),
            });
        }
        catch (PostgresNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            throw;
        }

        var owner = embedded.ConnectionString("minsheng");
        await DatabaseSetup.MigrateAsync(owner);
        if (configuration.GetValue("Embedded:LoadDemoData", true))
        {
            await DemoDataLoader.LoadAsync(owner, DemoDataGenerator.Generate(DemoDataGenerator.DemoTenants));
        }
        return new PreparedDatabase(new DatabaseOptions(DatabaseSetup.AppConnectionString(owner)), embedded, started.Elapsed);
    }
}

/// <summary>Stops the embedded cluster when the server shuts down.</summary>
public sealed class EmbeddedDatabaseLifetime(PreparedDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (database.Embedded is { } embedded) await embedded.StopAsync();
    }
}

internal static class StartupBanner
{
    public static void Print(WebApplication app, PreparedDatabase database)
    {
        var urls = app.Urls.Count > 0 ? app.Urls : ["http://localhost:5080"];
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Minsheng");
        var where = database.Embedded is { } e ? $"embedded PostgreSQL on 127.0.0.1:{e.Port} (data in {e.DataDirectory})" : "the configured PostgreSQL";
        log.LogInformation("Minsheng is ready after {Seconds:0.0} s, on {Database}.", (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalSeconds, where);
        foreach (var url in urls)
            log.LogInformation("GraphQL endpoint: {Url}/graphql   (development: choose a tenant with the header X-Tenant: 411302)", url.TrimEnd('/'));
    }
}
