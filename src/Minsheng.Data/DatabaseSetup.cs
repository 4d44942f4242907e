using Microsoft.EntityFrameworkCore;
using Minsheng.Data.Tenancy;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Data;

/// <summary>Creates the database if needed and applies the checked-in migrations, as the owner role.</summary>
public static class DatabaseSetup
{
    /// <summary>Where EF Core records the applied migrations (snake_case, like every other table).</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static async Task CreateDatabaseIfMissingAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        var target = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.");
        var admin = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            // The name comes from configuration, not from users; quote it anyway.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task MigrateAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        await CreateDatabaseIfMissingAsync(ownerConnectionString, ct);
        var options = new DbContextOptionsBuilder<MinshengDbContext>();
        MinshengDataServices.ConfigureNpgsql(options, ownerConnectionString);
        await using var db = new MinshengDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>The same server and database as the owner's connection, as the application role.</summary>
    public static string AppConnectionString(string ownerConnectionString) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = DatabaseRoles.App, Password = null }.ConnectionString;
}
