using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Application.Common;

/// <summary>
/// One command = one transaction: SET LOCAL of the tenant (by the interceptor), the change, its audit
/// entries, commit. Any failure rolls everything back, so nothing half-written stays behind.
/// </summary>
public sealed class UnitOfWork(MinshengDbContext db, ITenantContextAccessor tenant, ActorAccessor actor, TimeProvider clock, Data.Reading.ReadSession reads,
    Data.Caching.TenantWrites writes)
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public MinshengDbContext Db => db;

    public TimeProvider Clock => clock;

    public async Task<T> RunAsync<T>(Func<MinshengDbContext, Task<T>> work, CancellationToken ct)
    {
        RequireTenant();
        // The whole command is the unit that succeeds or fails: EF's own savepoint around SaveChanges would only add two
        // statements (and round trips) to every write.
        db.Database.AutoSavepointsEnabled = false;
        // The transaction tells every server (their cached answers) that this tenant's data changed, if it commits.
        db.AnnounceNextTransaction();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(db);
            await db.SaveChangesAsync(ct);
            // Not cancellable: a time budget or a caller that goes away must not leave the caller unsure whether a
            // change it was told failed was in fact committed.
            await transaction.CommitAsync(CancellationToken.None);
            // Rows the request's loaders read before this change are stale now, and so are this server's cached answers:
            // retired before the caller hears of the change, so it never reads an answer older than its own write.
            reads.InvalidateCaches();
            writes.Committed(tenant.Current!.TenantId, tenant.Current.RegionCode);
            return result;
        }
        catch (Exception e) when (Translate(e) is { } refusal)
        {
            throw refusal;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A read through the write model (exports, import look-ups): the same tenant transaction, but nothing
    /// is saved and the request's read caches stay valid.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<MinshengDbContext, Task<T>> read, CancellationToken ct)
    {
        RequireTenant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            return await read(db);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Without a tenant there is nothing this request may read or change through the write model.</summary>
    private void RequireTenant()
    {
        if (tenant.Current is null)
            throw new DomainException(DomainErrorKind.Forbidden, "No tenant was selected for this request; changes need one.");
    }

    /// <summary>The database's refusals that are the caller's doing, as domain errors; anything else stays an internal error.</summary>
    private static DomainException? Translate(Exception e) => e is DbUpdateConcurrencyException
        ? DomainException.Conflict("Someone else changed this at the same moment; reload it and decide again.")
        : (e as PostgresException ?? e.InnerException as PostgresException) switch
    {
        { SqlState: PostgresErrorCodes.UniqueViolation } => DomainException.Conflict("This would duplicate an existing record."),
        { SqlState: PostgresErrorCodes.ForeignKeyViolation } => DomainException.Conflict("Other records still refer to this one, or it refers to a record that does not exist."),
        { SqlState: PostgresErrorCodes.InsufficientPrivilege } => new DomainException(DomainErrorKind.Forbidden, "The database refused the change for this tenant."),
        { SqlState: Data.Plans.CertifiedFigures.FrozenSqlState } => DomainException.Conflict(
            "A target's figure was certified by its certifying unit and is frozen: report the certified figure, or ask the unit to query it first."),
        _ => DatabaseFailures.Classify(e) is { } failure and (DatabaseFailure.ValueTooLong or DatabaseFailure.OutOfRange or DatabaseFailure.InvalidText)
            ? DomainException.Invalid("input", DatabaseFailures.Describe(failure))
            : null,
    };

    /// <summary>Records a change in the same transaction. <paramref name="before"/>/<paramref name="after"/> are snapshots (null on create/delete).</summary>
    public void Audit(string action, string entityType, Guid entityId, object? before, object? after)
    {
        db.AuditEntries.Add(new AuditEntry(actor.Name, action, entityType, entityId, Snapshot(before), Snapshot(after), clock.GetUtcNow()));
    }

    public static string? Snapshot(object? entity) => entity is null ? null : JsonSerializer.Serialize(entity, entity.GetType(), AuditJson);
}
