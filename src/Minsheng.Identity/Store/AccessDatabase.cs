using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Minsheng.Data;

namespace Minsheng.Identity.Store;

/// <summary>Provider settings and migrations of the identity tables.</summary>
public static class AccessDatabase
{
    public static void Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(AccessDbContext.MigrationsHistoryTable)).UseSnakeCaseNamingConvention();

    public static void Configure(DbContextOptionsBuilder db, Npgsql.NpgsqlDataSource dataSource) =>
        db.UseNpgsql(dataSource, o => o.MigrationsHistoryTable(AccessDbContext.MigrationsHistoryTable)).UseSnakeCaseNamingConvention();

    /// <summary>Applies the identity migrations as the owner, after the core schema's (which create the application role).</summary>
    public static async Task MigrateAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<AccessDbContext>();
        Configure(options, ownerConnectionString);
        await using var db = new AccessDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AccessDbContext>
{
    public AccessDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccessDbContext>();
        AccessDatabase.Configure(options, "Host=localhost;Database=minsheng");
        return new AccessDbContext(options.Options);
    }
}
