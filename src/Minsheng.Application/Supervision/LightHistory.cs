using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Minsheng.Domain.Supervision;
using Minsheng.Tenancy;
using Minsheng.Plugins.Abstractions;
using Npgsql;

namespace Minsheng.Application.Supervision;

/// <summary>A change of light the history kept.</summary>
public sealed record LightRecordRow(Guid ProjectId, DateOnly RecordedFor, Light Light, DateOnly Since, bool Escalated, ProjectStatus Status,
    IReadOnlyList<LightReason> Reasons);

public sealed record LightRecording(int Assessed, int Changed);

/// <summary>
/// Keeps the history of each project's light: assesses every project of the tenant on a day and appends a record for each
/// whose light (or its start, or its escalation) differs from the last one kept. Run daily (and on demand by the office).
/// </summary>
public sealed class LightHistory(ProjectAssessments assessments, UnitOfWork uow, ITenantContextAccessor tenant)
{
    public async Task<LightRecording> RecordAsync(DateOnly asOf, CancellationToken ct)
    {
        var all = await assessments.AllAsync(asOf, ct);
        var changed = all.Where(a => a.Recorded != a.Assessment.ToRecord()).ToList();
        if (changed.Count == 0) return new LightRecording(all.Count, 0);

        // One statement for the lot. A recording that runs at the same moment (the daily round and the office's button)
        // computed the same records: the unique index turns its copies into nothing instead of a second row each.
        var added = await uow.RunAsync(async db =>
        {
            var now = uow.Clock.GetUtcNow();
            var records = changed.Select(a => new LightRecord(a.ProjectId, asOf, a.Assessment,
                JsonSerializer.Serialize(a.Assessment.Reasons, StoredJson.Options), now)).ToList();
            return await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO project_lights (id, tenant_id, project_id, recorded_for, light, since, escalated, status, reasons, recorded_at)
                SELECT v.id, {0}, v.project_id, {1}, v.light, v.since, v.escalated, v.status, v.reasons::jsonb, {2}
                FROM unnest({3}::uuid[], {4}::uuid[], {5}::text[], {6}::date[], {7}::boolean[], {8}::text[], {9}::text[])
                  AS v(id, project_id, light, since, escalated, status, reasons)
                ON CONFLICT (tenant_id, project_id, recorded_for, light, since, escalated) DO NOTHING
                """,
                [tenant.Current!.TenantId, asOf, now, records.Select(r => r.Id).ToArray(), records.Select(r => r.ProjectId).ToArray(),
                 records.Select(r => r.Light.ToString()).ToArray(), records.Select(r => r.Since).ToArray(), records.Select(r => r.Escalated).ToArray(),
                 records.Select(r => r.Status.ToString()).ToArray(), records.Select(r => r.Reasons).ToArray()], ct);
        }, ct);
        return new LightRecording(all.Count, added);
    }
}

/// <summary>A project's light history, oldest first.</summary>
public sealed class LightHistoryByProjectLoader(ReadSession session) : ByParentLoader<LightRecordRow>(session,
    keys => $"""
    SELECT l.project_id, l.recorded_for, l.light, l.since, l.escalated, l.status, l.reasons::text FROM project_lights l
    WHERE l.tenant_id = $1 AND l.project_id = ANY({keys}) ORDER BY l.project_id, l.recorded_for, l.recorded_at
    """,
    r => new LightRecordRow(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), Enum.Parse<Light>(r.GetString(2)), r.GetFieldValue<DateOnly>(3), r.GetBoolean(4),
        Enum.Parse<ProjectStatus>(r.GetString(5)), JsonSerializer.Deserialize<List<LightReason>>(r.GetString(6), StoredJson.Options)!),
    l => l.ProjectId);

/// <summary>
/// The thresholds a tenant assesses with when it has not set its own: those its plugins supply (the first that does, in
/// plugin order), else the platform's defaults.
/// </summary>
public sealed class StatusDefaults(ExtensionPoint<IStatusThresholdSource> sources)
{
    private StatusThresholds? _current;

    public StatusThresholds Current => _current ??= sources.ForCurrentTenant().FirstOrDefault()?.Defaults.Validated() ?? StatusThresholds.Default;
}

/// <summary>The tenant's status thresholds, read and set by its administrator; without its own, its plugins' or the defaults.</summary>
public sealed class StatusSettings(UnitOfWork uow, ITenantContextAccessor tenant, StatusDefaults defaults)
{
    public Task<StatusThresholds> GetAsync(CancellationToken ct) => uow.ReadAsync(async db =>
        (await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.Current!.TenantId, ct)).StatusThresholds ?? defaults.Current, ct);

    public Task<StatusThresholds> SetAsync(StatusThresholds thresholds, CancellationToken ct) => uow.RunAsync(async db =>
    {
        var current = await db.Tenants.SingleAsync(t => t.Id == tenant.Current!.TenantId, ct);
        var before = current.StatusThresholds ?? defaults.Current;
        current.SetStatusThresholds(thresholds);
        uow.Audit("configure", "StatusThresholds", current.Id, before, current.StatusThresholds);
        return current.StatusThresholds!;
    }, ct);
}
