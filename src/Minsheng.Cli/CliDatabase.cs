using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application;
using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Identity;
using Minsheng.Tenancy;

namespace Minsheng.Cli;

/// <summary>
/// The database of a command: --connection (as the application role), else the embedded development
/// database the server uses in Development (same data folder, demo tenants on first start). When the
/// command ends it leaves the cluster, which stops only if no other process (a server) still uses it.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string as the application role (default: the embedded database the server uses).",
    };

    /// <summary>Who the audit trail names for changes made through the CLI.</summary>
    private static string Actor => $"cli:{Environment.UserName}";

    private readonly PreparedDatabase _database;
    private readonly ServiceProvider _services;

    private CliDatabase(PreparedDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMinshengTenancy();
        services.AddMinshengData(database.Options);
        services.AddMinshengApplication();
        services.AddMinshengUserAdministration(new IdentitySettings());
        _services = services.BuildServiceProvider();
    }

    /// <param name="ownerConnection">With <paramref name="connection"/>: the same database as its owner, which migrates it first.</param>
    public static async Task<CliDatabase> OpenAsync(string? connection, CancellationToken ct, string? ownerConnection = null)
    {
        // The CLI works on the embedded database by default (like the server in Development), but on a host whose
        // environment says otherwise it must not load demo tenants into that data or run the cluster without fsync.
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development";
        var database = await DatabaseBootstrap.PrepareAsync(new DatabaseSettings
        {
            AppConnectionString = connection,
            OwnerConnectionString = connection is null ? null : ownerConnection,
            EnvironmentName = environment,
            EmbeddedEnabled = true,
        }, ct);
        if (database.Embedded is { } embedded)
        {
            // stderr, so that output meant for other programs (--format json) stays clean.
            Console.Error.WriteLine($"Database: embedded PostgreSQL on 127.0.0.1:{embedded.Port}, data in {embedded.DataDirectory}" +
                (database.DataFolderNote is { } note ? $" (because {note})" : ""));
        }
        return new CliDatabase(database);
    }

    /// <summary>The owner role's connection: known for the embedded database and when configured.</summary>
    public string? OwnerConnectionString => _database.OwnerConnectionString;

    /// <summary>Every tenant with its status (Active, Disabled, …): disabled ones are listed too, so they can be enabled.</summary>
    public async Task<IReadOnlyList<(TenantContext Tenant, string Status)>> TenantsAsync(CancellationToken ct) =>
        await _services.GetRequiredService<Data.Tenancy.CachedTenantStore>().AllWithStatusAsync(ct);

    /// <summary>Runs <paramref name="work"/> in a scope acting for one tenant, as a request would.</summary>
    public async Task<T> AsTenantAsync<T>(string regionCode, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        var store = _services.GetRequiredService<ITenantStore>();
        var tenant = await store.FindByRegionCodeAsync(regionCode, ct);
        if (tenant is null && await store.FindInactiveStatusAsync(regionCode, ct) is { } status)
        {
            throw new CliException(status == "Disabled"
                ? $"The tenant {regionCode} is disabled. Enable it first with: minsheng tenants enable {regionCode}"
                : $"The tenant {regionCode} is not active ({status.ToLowerInvariant()}).");
        }
        if (tenant is null) throw new CliException($"No tenant has the region code '{regionCode}'. List them with: minsheng tenants");
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<CallerHolder>().Set(new Caller(CallerKind.Developer, Actor, new HashSet<Domain.Access.Permission>()));
        scope.ServiceProvider.GetRequiredService<Application.Common.ActorAccessor>().Name = Actor;
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting for no tenant: platform administration.</summary>
    public async Task<T> AsPlatformAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(null);
        scope.ServiceProvider.GetRequiredService<CallerHolder>().Set(new Caller(CallerKind.Developer, Actor, new HashSet<Domain.Access.Permission>()));
        scope.ServiceProvider.GetRequiredService<Application.Common.ActorAccessor>().Name = Actor;
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_database.Embedded is { } embedded) await embedded.StopAsync();
    }
}

internal sealed class CliException(string message) : Exception(message);
