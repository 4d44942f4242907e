using Minsheng.Application;
using Minsheng.Data;
using Minsheng.GraphQL;
using Minsheng.Hosting;
using Minsheng.Identity;
using Minsheng.Identity.Development;
using Minsheng.Identity.Keys;
using Minsheng.Identity.Tokens;
using Minsheng.Postgres.Embedded;
using Minsheng.Server;
using Minsheng.Server.Console;
using Minsheng.Server.Development;
using Minsheng.Server.Health;
using Minsheng.Server.Operations;
using Minsheng.Server.Plugins;
using Minsheng.Server.Tenancy;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);

// The plugins first: a broken set (a cycle, a missing dependency) stops the server before anything else starts.
try
{
    builder.Services.AddMinshengPlugins();
}
catch (Minsheng.Plugins.Abstractions.PluginLoadException e)
{
    Console.Error.WriteLine($"The plugins cannot be started: {e.Message}");
    Environment.ExitCode = 1;
    return;
}

// Settings the server reads itself, checked before the database is started for it.
Minsheng.Server.Supervision.DailyRoundOptions dailyRound;
try
{
    dailyRound = Minsheng.Server.Supervision.DailyRoundOptions.From(builder.Configuration);
}
catch (InvalidOperationException e)
{
    // A wait that is not a time span, or not positive: the setting and what is wrong with it, not a stack trace.
    Console.Error.WriteLine($"The configuration cannot be used: {e.Message}");
    Environment.ExitCode = 1;
    return;
}

PreparedDatabase database;
try
{
    database = await DatabaseBootstrap.PrepareAsync(ServerDatabase.Settings(builder.Configuration, builder.Environment));
}
catch (Exception e) when (e is DatabaseNotConfiguredException or PostgresNotFoundException or PostgresStartException
                           || DatabaseFailures.Classify(e) is DatabaseFailure.Unavailable)
{
    // What to install, change or check, in one message rather than a stack trace.
    Console.Error.WriteLine(e is NpgsqlException ? $"The database could not be reached: {e.Message}" : e.Message);
    Environment.ExitCode = 1;
    return;
}
builder.Services.AddSingleton(database);
builder.Services.AddHostedService<EmbeddedDatabaseLifetime>();
builder.Services.AddTenantResolution();
builder.Services.AddMinshengData(database.Options);
builder.Services.AddMinshengApplication();
builder.Services.AddSingleton(dailyRound);
builder.Services.AddSingleton<Minsheng.Server.Supervision.DailySupervisionRound>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Minsheng.Server.Supervision.DailySupervisionRound>());
builder.Services.AddHostedService<Minsheng.Server.Supervision.StoredAssessmentWriting>();
builder.Services.AddHostedService<Minsheng.Server.Caching.TenantWritesListener>();
// Webhooks: loopback and private targets only where allowed (Development allows them, for a robot on the same machine).
var webhookOptions = new Minsheng.Application.Notifications.WebhookOptions { AllowPrivateTargets = builder.Environment.IsDevelopment() };
builder.Configuration.GetSection("Webhooks").Bind(webhookOptions);
builder.Services.AddSingleton(webhookOptions);
builder.Services.AddHttpClient(nameof(Minsheng.Server.Notifications.WebhookDispatcher))
    .ConfigurePrimaryHttpMessageHandler(() => Minsheng.Server.Notifications.WebhookDispatcher.Handler(webhookOptions));
builder.Services.AddSingleton<Minsheng.Server.Notifications.WebhookDispatcher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Minsheng.Server.Notifications.WebhookDispatcher>());
builder.Services.AddMinshengGraphQL(graphQL =>
{
    builder.Configuration.GetSection("GraphQL").Bind(graphQL);
    graphQL.VaryHeaders.Add(DevelopmentHeaderStrategy.HeaderName);
});
// After the core modules, so that identity's fields (me, users, dashboardClients) follow theirs in the schema.
var identitySettings = builder.Configuration.GetSection("Identity").Get<IdentitySettings>() ?? new IdentitySettings();
TokenKeys tokenKeys;
await using (var keySource = NpgsqlDataSource.Create(database.Options.AppConnectionString))
    tokenKeys = await TokenKeyStore.LoadOrCreateAsync(keySource);
builder.Services.AddMinshengIdentity(identitySettings, tokenKeys, builder.Environment.IsDevelopment());
// Demo accounts have a published password: only a Development server with the demo data gets them, never Production (even a trial with demo data).
if (database.DemoDataLoaded && builder.Environment.IsDevelopment()) builder.Services.AddHostedService<DevelopmentAccounts>();
builder.Services.AddDashboardCors(builder.Configuration);
builder.Services.AddProxyForwarding(builder.Configuration);
builder.Services.AddRequestRateLimits(builder.Configuration, builder.Environment);
builder.Services.AddMinshengHealthChecks();
builder.Services.AddMinshengTelemetry(builder.Configuration);

var app = builder.Build();

// First: behind a TLS-terminating proxy, the scheme (token endpoints require HTTPS) and the client's address
// (the anonymous rate limit) are the proxy's forwarded ones.
app.UseForwardedHeaders();
app.MapMinshengHealth();
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Diagnostics:SqlCountHeaders")) app.UseSqlCountHeaders();
app.UseCors();
// ASP.NET Core's authentication, with a shortcut for API requests whose token was validated before.
app.UseMinshengAuthentication("/graphql");
// Only the API needs a tenant; the sign-in pages and the token endpoint work without one.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/graphql"), api => api.UseMiddleware<TenantResolutionMiddleware>());
app.UseRequestRateLimits();
app.MapMinshengIdentity();
app.MapGraphiQL();
app.MapMinshengGraphQL();
app.MapConsole();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, database));

app.Run();

public partial class Program;
