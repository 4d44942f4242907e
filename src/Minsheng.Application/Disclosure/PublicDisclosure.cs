using System.Text.Json;
using Minsheng.Application.Common;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Bulletins;
using Npgsql;

namespace Minsheng.Application.Disclosure;

public sealed record PublicTarget(string Label, string Comparator, decimal TargetValue, string Unit, decimal? Achieved, int? CompletionPercent);

public sealed record PublicProject(string Sequence, string Name, string? Content, string? Category, string? Deadline, IReadOnlyList<string> LeadUnits,
    string State, IReadOnlyList<PublicTarget> Targets, string? LatestPeriod, string? LatestProgress);

public sealed record PublicPlan(int Year, string Title, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn, string? Approval, IReadOnlyList<PublicProject> Projects);

public sealed record PublicBulletin(BulletinKind Kind, int Year, int Period, int Version, string Title, DateOnly AsOf, DateTimeOffset PublishedAt, string Html, byte[] Docx)
{
    public string FileName => $"{Title}.docx";
}

public sealed record PublicDisclosureView(string RegionCode, string Name, IReadOnlyList<PublicPlan> Plans, IReadOnlyList<PublicBulletin> Bulletins);

/// <summary>
/// What a tenant has published, for anyone, signed in or not: its published (or closed) plans with each project's targets
/// and the figures the supervision office has accepted, and its published bulletins. Read as that tenant under row-level
/// security, by statements that select only published rows and only public columns: there is no path from here to a
/// draft plan, an unaccepted report, a notice or a person.
/// </summary>
public sealed class PublicDisclosure(NpgsqlDataSource dataSource)
{
    public async Task<PublicDisclosureView?> ForRegionAsync(string regionCode, CancellationToken ct)
    {
        if (regionCode.Length is 0 or > 12 || !regionCode.All(char.IsAsciiDigit)) return null;
        var tenant = await TenantAsync(regionCode, ct);
        if (tenant is not { } t) return null;

        var plans = await dataSource.QueryAsTenantAsync(t.Id, """
            SELECT pl.id, pl.year, pl.title, pl.issuer, pl.document_number, pl.issued_on, pl.approval,
              coalesce((SELECT json_agg(json_build_object(
                  'sequence', p.sequence, 'name', p.name, 'content', p.content, 'category', p.category_code,
                  'deadlineDate', p.deadline_date, 'deadlinePrecision', p.deadline_precision, 'state', p.state,
                  'leads', coalesce((SELECT json_agg(u.name ORDER BY pu.position) FROM project_units pu
                      JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
                      WHERE pu.tenant_id = $1 AND pu.project_id = p.id AND pu.role = 'Lead'), '[]'),
                  'latest', (SELECT json_build_object('period', to_char(r.period, 'YYYY-MM'), 'progress', r.progress) FROM progress_reports r
                      WHERE r.tenant_id = $1 AND r.project_id = p.id AND r.status = 'Accepted' ORDER BY r.period DESC LIMIT 1),
                  'targets', coalesce((SELECT json_agg(json_build_object('label', i.label, 'comparator', i.comparator, 'target', i.target_value, 'unit', i.unit,
                      'achieved', (SELECT a.value FROM report_actuals a JOIN progress_reports r ON r.tenant_id = a.tenant_id AND r.id = a.report_id
                                   WHERE a.tenant_id = $1 AND a.indicator_id = i.id AND r.status = 'Accepted' ORDER BY r.period DESC LIMIT 1))
                      ORDER BY i.position) FROM indicators i WHERE i.tenant_id = $1 AND i.project_id = p.id), '[]'))
                  ORDER BY p.sort_order) FROM projects p WHERE p.tenant_id = $1 AND p.plan_id = pl.id AND p.parent_id IS NULL), '[]')::text
            FROM plans pl WHERE pl.tenant_id = $1 AND pl.status IN ('Published', 'Closed')
            ORDER BY pl.year DESC, pl.id
            """, r => new PublicPlan(r.GetInt32(1), r.GetString(2), Sql.NullableString(r, 3), Sql.NullableString(r, 4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), Sql.NullableString(r, 6), Projects(r.GetString(7))), ct, t.Id);

        var bulletins = await dataSource.QueryAsTenantAsync(t.Id, """
            SELECT b.kind, b.year, b.period, b.version, b.title, b.as_of, b.published_at, b.html, b.docx
            FROM bulletins b WHERE b.tenant_id = $1 AND b.published
            ORDER BY b.year DESC, b.published_at DESC
            """, r => new PublicBulletin(Enum.Parse<BulletinKind>(r.GetString(0)), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateTimeOffset>(6), r.GetString(7), r.GetFieldValue<byte[]>(8)), ct, t.Id);

        return new PublicDisclosureView(regionCode, t.Name, plans, bulletins);
    }

    private async Task<(Guid Id, string Name)?> TenantAsync(string regionCode, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name FROM tenants WHERE region_code = $1 AND status = 'Active'");
        command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }

    private static List<PublicProject> Projects(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(p => new PublicProject(
            p.GetProperty("sequence").GetString()!, p.GetProperty("name").GetString()!, Text(p, "content"), Text(p, "category"),
            Deadline(p), p.GetProperty("leads").EnumerateArray().Select(u => u.GetString()!).ToList(), p.GetProperty("state").GetString()!,
            p.GetProperty("targets").EnumerateArray().Select(Target).ToList(),
            p.GetProperty("latest").ValueKind == JsonValueKind.Object ? Text(p.GetProperty("latest"), "period") : null,
            p.GetProperty("latest").ValueKind == JsonValueKind.Object ? Text(p.GetProperty("latest"), "progress") : null)).ToList();
    }

    private static PublicTarget Target(JsonElement t)
    {
        var target = t.GetProperty("target").GetDecimal();
        var comparator = t.GetProperty("comparator").GetString()!;
        decimal? achieved = t.GetProperty("achieved").ValueKind == JsonValueKind.Null ? null : t.GetProperty("achieved").GetDecimal();
        int? percent = achieved is { } a && target != 0 && comparator != nameof(Domain.Values.Comparator.AtMost)
            ? (int)Math.Min(Math.Round(a / target * 100m, MidpointRounding.AwayFromZero), 1_000_000m) : null;
        return new PublicTarget(t.GetProperty("label").GetString()!, comparator, Sql.Normalize(target), t.GetProperty("unit").GetString()!,
            achieved is { } v ? Sql.Normalize(v) : null, percent);
    }

    private static string? Deadline(JsonElement p) =>
        p.GetProperty("deadlineDate").ValueKind == JsonValueKind.Null ? null
            : new Domain.Values.Deadline(DateOnly.Parse(p.GetProperty("deadlineDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Enum.Parse<Domain.Values.DatePrecision>(p.GetProperty("deadlinePrecision").GetString()!)).ToString();

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
}
