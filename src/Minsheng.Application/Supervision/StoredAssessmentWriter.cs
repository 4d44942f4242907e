using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Minsheng.Application.Common;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Supervision;
using Npgsql;
using NpgsqlTypes;

namespace Minsheng.Application.Supervision;

/// <summary>
/// Stores the assessments readers worked out, off the request path, so the next page with lights reads them instead.
/// A stored assessment is written only where the project's epoch is still the one its facts were read with: a change
/// that committed in between bumped it (a trigger, in the change's own transaction), and the assessment is dropped.
/// Losing an offer costs nothing but a recomputation, so the queue is bounded and drops the newest when full.
/// </summary>
public sealed class StoredAssessmentWriter(NpgsqlDataSource dataSource, ILogger<StoredAssessmentWriter> logger)
{
    private const int BatchSize = 500;

    private readonly Channel<Offered> _queue = Channel.CreateBounded<Offered>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private sealed record Offered(Guid TenantId, Guid ProjectId, long Epoch, DateOnly Day, ProjectAssessment Assessment);

    public void Offer(Guid tenantId, Guid projectId, long epoch, DateOnly day, ProjectAssessment assessment)
    {
        if (tenantId == Guid.Empty) return;
        _queue.Writer.TryWrite(new Offered(tenantId, projectId, epoch, day, assessment));
    }

    /// <summary>Writes what is offered until <paramref name="ct"/> is cancelled (the server's hosted loop).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<Offered>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var offered)) batch.Add(offered);
            try
            {
                await WriteAsync(batch, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The next reader works the assessment out again; nothing is wrong, only slower.
                logger.LogWarning(e, "Storing {Count} worked-out assessments failed; they will be worked out again when read.", batch.Count);
            }
            batch.Clear();
        }
    }

    /// <summary>Writes whatever is queued now (tests, and the loop above).</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var batch = new List<Offered>();
        while (_queue.Reader.TryRead(out var offered)) batch.Add(offered);
        return batch.Count == 0 ? 0 : await WriteAsync(batch, ct);
    }

    /// <summary>
    /// A list as one text with the unit separator between items (no reason's code or message contains it), split back
    /// by string_to_array; an empty list is '', which it turns into an empty array.
    /// </summary>
    private static string Joined(IEnumerable<string> items) => string.Join('\u001f', items);

    private async Task<int> WriteAsync(IReadOnlyList<Offered> batch, CancellationToken ct)
    {
        // The last offer for a project wins within a batch; the epoch check decides against the database.
        var latest = batch.GroupBy(o => (o.TenantId, o.ProjectId)).Select(g => g.Last()).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Row-level security widened to exactly the tenants of the batch, for this transaction.
        await using (var set = new NpgsqlCommand(TenantSetting.SetLocalStatement(latest.Select(o => o.TenantId).Distinct()), connection, transaction))
            await set.ExecuteNonQueryAsync(ct);
        // One row per project; its reasons go as three parallel arrays, joined back by their position.
        await using var update = new NpgsqlCommand("""
            UPDATE project_assessments a SET assessed_on = v.day, status = v.status, light = v.light, progress_percent = v.progress,
              elapsed_percent = v.elapsed, light_since = v.since, supervision_suggested = v.suggested,
              reason_codes = string_to_array(v.codes, E'\x1f'), reason_lights = string_to_array(v.lights, E'\x1f'),
              reason_messages = string_to_array(v.messages, E'\x1f')
            FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[], $5::text[], $6::text[], $7::int[], $8::int[], $9::date[], $10::boolean[],
              $11::text[], $12::text[], $13::text[])
              AS v(tenant_id, project_id, epoch, day, status, light, progress, elapsed, since, suggested, codes, lights, messages)
            WHERE a.tenant_id = v.tenant_id AND a.project_id = v.project_id AND a.epoch = v.epoch
            """, connection, transaction)
        {
            Parameters =
            {
                new() { Value = latest.Select(o => o.TenantId).ToArray() },
                new() { Value = latest.Select(o => o.ProjectId).ToArray() },
                new() { Value = latest.Select(o => o.Epoch).ToArray() },
                new() { Value = latest.Select(o => o.Day).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
                new() { Value = latest.Select(o => o.Assessment.Status.ToString()).ToArray() },
                new() { Value = latest.Select(o => o.Assessment.Light.ToString()).ToArray() },
                new() { Value = latest.Select(o => o.Assessment.ProgressPercent).ToArray() },
                new() { Value = latest.Select(o => o.Assessment.ElapsedPercent).ToArray() },
                new() { Value = latest.Select(o => o.Assessment.LightSince).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
                new() { Value = latest.Select(o => o.Assessment.SupervisionSuggested).ToArray() },
                new() { Value = latest.Select(o => Joined(o.Assessment.Reasons.Select(r => r.Code))).ToArray() },
                new() { Value = latest.Select(o => Joined(o.Assessment.Reasons.Select(r => r.Light.ToString()))).ToArray() },
                new() { Value = latest.Select(o => Joined(o.Assessment.Reasons.Select(r => r.Message))).ToArray() },
            },
        };
        var stored = await update.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return stored;
    }
}
