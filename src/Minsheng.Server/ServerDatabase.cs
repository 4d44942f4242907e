using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Server;

internal static class ServerDatabase
{
    /// <summary>ConnectionStrings:Minsheng (app role) and :MinshengOwner, or the Embedded:* settings of the embedded database.</summary>
    public static DatabaseSettings Settings(IConfiguration configuration, IHostEnvironment environment) => new()
    {
        AppConnectionString = configuration.GetConnectionString("Minsheng"),
        OwnerConnectionString = configuration.GetConnectionString("MinshengOwner"),
        EnvironmentName = environment.EnvironmentName,
        EmbeddedEnabled = configuration.GetValue<bool?>("Embedded:Enabled"),
        EmbeddedDataDirectory = configuration["Embedded:DataDirectory"],
        EmbeddedPort = configuration.GetValue("Embedded:Port", EmbeddedDefaults.Port),
        LoadDemoData = configuration.GetValue<bool?>("Embedded:LoadDemoData"),
    };
}

/// <summary>
/// Leaves the embedded cluster when the server shuts down. The cluster stops only if no other process
/// (another server, a CLI command) on the same data folder still uses it.
/// </summary>
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
        var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        if (database.Embedded is { } e)
        {
            log.LogInformation("Minsheng is ready {Seconds:0.0} s after process start, on embedded PostgreSQL at 127.0.0.1:{Port} ({Adopted}).",
                sinceStart.TotalSeconds, e.Port, e.WasAlreadyRunning ? "already running, joined" : "started by this server");
            log.LogInformation("Embedded data folder: {Folder}", e.DataDirectory);
            if (database.DataFolderNote is { } note) log.LogInformation("That folder is used because {Reason}.", note);
        }
        else
        {
            log.LogInformation("Minsheng is ready {Seconds:0.0} s after process start, on the configured PostgreSQL.", sinceStart.TotalSeconds);
        }
        foreach (var url in urls)
        {
            var root = url.TrimEnd('/');
            // The tenant header only works in Development; elsewhere the hint would mislead (and advertise it).
            if (app.Environment.IsDevelopment())
                log.LogInformation("GraphQL endpoint: {Url}/graphql   (development: choose a tenant with the header X-Tenant: 411302)", root);
            else
                log.LogInformation("GraphQL endpoint: {Url}/graphql", root);
            log.LogInformation("Health: {Url}/health/live (process), {Url}/health/ready (database)", root, root);
        }
    }
}
