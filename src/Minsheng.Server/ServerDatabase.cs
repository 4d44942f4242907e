using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;

namespace Minsheng.Server;

internal static class ServerDatabase
{
    /// <summary>ConnectionStrings:Minsheng (app role) and :MinshengOwner, or the Embedded:* settings of the default.</summary>
    public static Task<PreparedDatabase> PrepareAsync(IConfiguration configuration) => DatabaseBootstrap.PrepareAsync(new DatabaseSettings(
        configuration.GetConnectionString("Minsheng"),
        configuration.GetConnectionString("MinshengOwner"),
        configuration["Embedded:DataDirectory"],
        configuration.GetValue("Embedded:Port", EmbeddedDefaults.Port),
        configuration.GetValue("Embedded:LoadDemoData", true)));
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
        var sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        log.LogInformation("Minsheng is ready {Seconds:0.0} s after process start, on {Database}.", sinceStart.TotalSeconds, where);
        foreach (var url in urls)
            log.LogInformation("GraphQL endpoint: {Url}/graphql   (development: choose a tenant with the header X-Tenant: 411302)", url.TrimEnd('/'));
    }
}
