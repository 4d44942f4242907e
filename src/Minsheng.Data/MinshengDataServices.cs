using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Minsheng.Data.Reading;
using Minsheng.Data.Tenancy;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Data;

/// <summary>Where the application connects. The app role must not own the tables (row-level security applies to it).</summary>
public sealed record DatabaseOptions(string AppConnectionString)
{
    /// <summary>
    /// The server cancels any statement running longer (statement_timeout), so no request can hold a backend
    /// for long whatever it asks for. A connection string that sets its own (Options=-c statement_timeout=…) wins.
    /// </summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The application's own tenant filter (the EF query filter and the tenant predicate of every read statement).
    /// Always on in use; turned off only by the leak suite, to show that row-level security alone keeps every
    /// tenant's rows to itself (<see cref="Tenancy.ApplicationTenantFilter"/>).
    /// </summary>
    public bool ApplicationTenantFilter { get; init; } = true;
}

public static class MinshengDataServices
{
    public static IServiceCollection AddMinshengData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(options.AppConnectionString);
            // Safe because the tenant setting is transaction-local: nothing needs resetting when a connection
            // returns to the pool, so skip DISCARD ALL. Hot statements get prepared after a few uses.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            var startup = builder.ConnectionStringBuilder.Options ?? "";
            if (!startup.Contains("statement_timeout", StringComparison.Ordinal))
                builder.ConnectionStringBuilder.Options = $"{startup} -c statement_timeout={(int)options.StatementTimeout.TotalMilliseconds}".Trim();
            return builder.Build();
        });
        services.AddScoped<SqlCommandCounter>();
        // A pool of contexts (their options and interceptors are shared); the request's context is rented when first asked
        // for, told whom it acts for, and returned when the request ends.
        services.AddPooledDbContextFactory<MinshengDbContext>((sp, db) =>
        {
            ConfigureNpgsql(db, sp.GetRequiredService<NpgsqlDataSource>());
            if (!sp.GetRequiredService<DatabaseOptions>().ApplicationTenantFilter) ApplicationTenantFilter.SwitchOff(db);
            db.AddInterceptors(TenantTransactionInterceptor.Instance, CommandCountingInterceptor.Instance);
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MinshengDbContext>>().CreateDbContext()
            .ActingFor(sp.GetRequiredService<ITenantContextAccessor>(), sp.GetRequiredService<SqlCommandCounter>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CachedTenantStore>();
        services.AddSingleton<Caching.TenantWrites>();
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<CachedTenantStore>());
        services.AddScoped(sp => new ReadSession(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ITenantContextAccessor>(),
            sp.GetRequiredService<SqlCommandCounter>(), sp.GetRequiredService<DatabaseOptions>().ApplicationTenantFilter));
        services.AddScoped<Health.DatabaseReadiness>();
        return services;
    }

    /// <summary>The provider settings every context of this model uses (migrations, tests, design time).</summary>
    public static void ConfigureNpgsql(DbContextOptionsBuilder db, string connectionString) =>
        WithRowLevelSecurity(db.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention());

    private static void ConfigureNpgsql(DbContextOptionsBuilder db, NpgsqlDataSource dataSource) =>
        WithRowLevelSecurity(db.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention());

    /// <summary>Every tenant-owned table a migration creates is put under row-level security in the same migration.</summary>
    private static void WithRowLevelSecurity(DbContextOptionsBuilder db) =>
        db.ReplaceService<IMigrationsSqlGenerator, RowLevelSecurityMigrationsSqlGenerator>();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable(DatabaseSetup.MigrationsHistoryTable);
}
