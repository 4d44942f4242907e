using Minsheng.Domain.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Minsheng.Application.Demo;

/// <summary>
/// Writes generated data with binary COPY as the owner role (demo and synthetic data are loaded by the
/// operator, not through the application). Tenants that already exist are skipped, so loading twice is harmless.
/// </summary>
public static class DemoDataLoader
{
    /// <summary>Writes the tenants of <paramref name="data"/> that do not exist yet, in one transaction; returns those written.</summary>
    public static async Task<IReadOnlyList<DemoTenantData>> LoadAsync(string ownerConnectionString, DemoDataSet data, CancellationToken ct = default)
    {
        // No command timeout: a large batch (or a distributed database's triggers) can take minutes to write.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var existingTenants = new HashSet<string>();
        await using (var cmd = new NpgsqlCommand("SELECT region_code FROM tenants", connection, transaction))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) existingTenants.Add(reader.GetString(0));

        foreach (var region in data.Regions)
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING", connection, transaction);
            cmd.Parameters.Add(new() { Value = region.Code });
            cmd.Parameters.Add(new() { Value = region.Name });
            cmd.Parameters.Add(new() { Value = region.Level.ToString() });
            cmd.Parameters.Add(new() { Value = (object?)region.ParentCode ?? DBNull.Value });
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var fresh = data.Tenants.Where(t => !existingTenants.Contains(t.Tenant.RegionCode)).ToList();
        await CopyAsync(connection, "tenants (id, region_code, name, level, status, enabled_plugins)", fresh.Select(t => t.Tenant), (w, t) =>
        {
            w.Write(t.Id); w.Write(t.RegionCode); w.Write(t.Name); w.Write(t.Level.ToString()); w.Write(t.Status.ToString()); w.Write(t.EnabledPlugins);
        }, ct);
        await CopyAsync(connection, "units (id, tenant_id, name, aliases)", fresh.SelectMany(t => t.Units), (w, u) =>
        {
            w.Write(u.Id); w.Write(u.TenantId); w.Write(u.Name); w.Write(u.Aliases);
        }, ct);
        await CopyAsync(connection, "plans (id, tenant_id, year, title, issuer, document_number, issued_on, approval, status)",
            fresh.SelectMany(t => t.Plans), (w, p) =>
            {
                w.Write(p.Id); w.Write(p.TenantId); w.Write(p.Year); w.Write(p.Title); Nullable(w, p.Issuer); Nullable(w, p.DocumentNumber);
                if (p.IssuedOn is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
                Nullable(w, p.Approval); w.Write(p.Status.ToString());
            }, ct);
        await CopyAsync(connection,
            "projects (id, tenant_id, plan_id, parent_id, sort_order, sequence, name, content, category_code, investment_yuan, investment_text, command_headquarters, responsible_leader, deadline_date, deadline_precision, remarks)",
            fresh.SelectMany(t => t.Projects), (w, p) =>
            {
                w.Write(p.Id); w.Write(p.TenantId); w.Write(p.PlanId);
                if (p.ParentId is { } parent) w.Write(parent); else w.WriteNull();
                w.Write(p.SortOrder); w.Write(p.Sequence); w.Write(p.Name); Nullable(w, p.Content); Nullable(w, p.CategoryCode);
                if (p.InvestmentYuan is { } inv) w.Write(inv, NpgsqlDbType.Numeric); else w.WriteNull();
                Nullable(w, p.InvestmentText); Nullable(w, p.CommandHeadquarters); Nullable(w, p.ResponsibleLeader);
                if (p.DeadlineDate is { } dd) w.Write(dd, NpgsqlDbType.Date); else w.WriteNull();
                Nullable(w, p.DeadlinePrecision?.ToString()); Nullable(w, p.Remarks);
            }, ct);
        await CopyAsync(connection, "project_units (tenant_id, project_id, unit_id, role, position)", fresh.SelectMany(t => t.ProjectUnits), (w, pu) =>
        {
            w.Write(pu.TenantId); w.Write(pu.ProjectId); w.Write(pu.UnitId); w.Write(pu.Role.ToString()); w.Write(pu.Position);
        }, ct);
        await CopyAsync(connection, "indicators (id, tenant_id, project_id, position, label, comparator, target_value, unit, source_phrase)",
            fresh.SelectMany(t => t.Indicators), (w, i) =>
            {
                w.Write(i.Id); w.Write(i.TenantId); w.Write(i.ProjectId); w.Write(i.Position); w.Write(i.Label); w.Write(i.Comparator.ToString());
                w.Write(i.TargetValue, NpgsqlDbType.Numeric); w.Write(i.Unit); Nullable(w, i.SourcePhrase);
            }, ct);
        await CopyAsync(connection, "milestones (id, tenant_id, project_id, due_date, due_precision, text, indicator_id, cumulative_value, achieved_on, achieved_by, evidence)",
            fresh.SelectMany(t => t.Milestones), (w, m) =>
            {
                w.Write(m.Id); w.Write(m.TenantId); w.Write(m.ProjectId); w.Write(m.DueDate, NpgsqlDbType.Date); w.Write(m.DuePrecision.ToString());
                w.Write(m.Text);
                if (m.IndicatorId is { } ind) w.Write(ind); else w.WriteNull();
                if (m.CumulativeValue is { } cv) w.Write(cv, NpgsqlDbType.Numeric); else w.WriteNull();
                if (m.AchievedOn is { } on) w.Write(on, NpgsqlDbType.Date); else w.WriteNull();
                Nullable(w, m.AchievedBy); Nullable(w, m.Evidence);
            }, ct);
        await CopyAsync(connection,
            "progress_reports (id, tenant_id, project_id, period, status, progress, problems, next_steps, investment_completed_yuan, submitted_at)",
            fresh.SelectMany(t => t.Reports), (w, r) =>
            {
                w.Write(r.Id); w.Write(r.TenantId); w.Write(r.ProjectId); w.Write(r.Period, NpgsqlDbType.Date); w.Write(r.Status.ToString());
                Nullable(w, r.Progress); Nullable(w, r.Problems); Nullable(w, r.NextSteps);
                if (r.InvestmentCompletedYuan is { } ic) w.Write(ic, NpgsqlDbType.Numeric); else w.WriteNull();
                if (r.SubmittedAt is { } at) w.Write(at.ToUniversalTime(), NpgsqlDbType.TimestampTz); else w.WriteNull();
            }, ct);

        await CopyAsync(connection, "report_actuals (tenant_id, report_id, indicator_id, value)", fresh.SelectMany(t => t.Actuals), (w, a) =>
        {
            w.Write(a.TenantId); w.Write(a.ReportId); w.Write(a.IndicatorId); w.Write(a.Value, NpgsqlDbType.Numeric);
        }, ct);

        await CopyAsync(connection,
            "supervision_notices (id, tenant_id, project_id, year, sequence, number, level, status, problem, requirement, rectify_by, issued_by, issued_at, acknowledged_by, acknowledged_at)",
            fresh.SelectMany(t => t.Notices), (w, n) =>
            {
                w.Write(n.Id); w.Write(n.TenantId); w.Write(n.ProjectId); w.Write(n.Year); w.Write(n.Sequence); w.Write(n.Number); w.Write(n.Level);
                w.Write(n.Status.ToString()); w.Write(n.Problem); w.Write(n.Requirement); w.Write(n.RectifyBy, NpgsqlDbType.Date); w.Write(n.IssuedBy);
                w.Write(n.IssuedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz); Nullable(w, n.AcknowledgedBy);
                if (n.AcknowledgedAt is { } ack) w.Write(ack.ToUniversalTime(), NpgsqlDbType.TimestampTz); else w.WriteNull();
            }, ct);

        await CopyAsync(connection, "project_lights (id, tenant_id, project_id, recorded_for, light, since, escalated, status, reasons, recorded_at)",
            fresh.SelectMany(t => t.Lights), (w, l) =>
            {
                w.Write(l.Id); w.Write(l.TenantId); w.Write(l.ProjectId); w.Write(l.RecordedFor, NpgsqlDbType.Date); w.Write(l.Light.ToString());
                w.Write(l.Since, NpgsqlDbType.Date); w.Write(l.Escalated); w.Write(l.Status.ToString()); w.Write(l.Reasons, NpgsqlDbType.Jsonb);
                w.Write(l.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }, ct);

        // New governments change the roll-ups of the regions above them: running servers hear of it on commit.
        foreach (var t in fresh)
        {
            await using var notify = new NpgsqlCommand(Data.Caching.TenantWrites.NotifyStatement(t.Tenant.Id, t.Tenant.RegionCode), connection, transaction);
            await notify.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return fresh;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    private static void Nullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value);
    }
}
