using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Minsheng.Data.Health;

/// <summary>What the readiness check found. <see cref="Problem"/> is safe to show to anyone (no server details).</summary>
public sealed record DatabaseReadinessReport(bool Ready, string? Problem, IReadOnlyList<string> PendingMigrations);

/// <summary>
/// Whether the application can serve: the database answers, as the application role, and has every migration
/// this build was compiled with. A server newer than its database would fail on the first query that touches
/// a new column, so it is not ready; the migration history is readable by the app role for this check.
/// </summary>
public sealed class DatabaseReadiness(MinshengDbContext db)
{
    public async Task<DatabaseReadinessReport> CheckAsync(CancellationToken ct)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? new DatabaseReadinessReport(true, null, [])
                : new DatabaseReadinessReport(false, $"{pending.Count} migration(s) not applied to the database.", pending);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedTable)
        {
            return new DatabaseReadinessReport(false, "The migration history cannot be read: the database is not migrated to this version.", []);
        }
        catch (Exception e) when (DatabaseFailures.Classify(e) is DatabaseFailure.Unavailable)
        {
            return new DatabaseReadinessReport(false, "The database cannot be reached.", []);
        }
    }
}
