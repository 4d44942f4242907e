using Minsheng.Application.Common;
using Minsheng.Data.Reading;
using Npgsql;

namespace Minsheng.Application.Reports;

/// <summary>
/// The latest report of each project. A lateral join with LIMIT 1 reads one index entry per project;
/// a ROW_NUMBER() window would read every report of the tenant.
/// </summary>
public sealed class LatestReportByProjectLoader(ReadSession session) : BatchLoader<Guid, ReportRow?>(session)
{
    protected override ReportRow? Missing => null;

    protected override string Statement(string keys) => $"""
        SELECT {ReportRow.Columns}
        FROM unnest({keys}::uuid[]) AS k(project_id)
        CROSS JOIN LATERAL (
            SELECT * FROM progress_reports x
            WHERE x.tenant_id = $1 AND x.project_id = k.project_id
            ORDER BY x.period DESC LIMIT 1) r
        """;

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, ReportRow?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = ReportRow.Read(reader);
            into[row.ProjectId] = row;
        }
    }
}
