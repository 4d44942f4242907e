using Minsheng.Data.Reading;
using Minsheng.Domain.Plans;
using Npgsql;

namespace Minsheng.Application.Reading;

// One loader per relation. Each statement filters by tenant_id itself (routing, indexes) and runs under
// row-level security (the guarantee). All are scoped, so results are cached for one request.

/// <summary>Loads rows by id, one statement for all keys of a level.</summary>
public abstract class ByIdLoader<T>(ReadSession session, string sql, Func<NpgsqlDataReader, T> read, Func<T, Guid> idOf)
    : BatchLoader<Guid, T?>(session) where T : class
{
    protected override T? Missing => null;

    protected override NpgsqlBatchCommand CreateCommand(Guid tenantId, Guid[] keys) => Sql.Command(sql, tenantId, keys);

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, T?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = read(reader);
            into[idOf(row)] = row;
        }
    }
}

/// <summary>Loads the children of many parents, one statement for all parents of a level; rows arrive in display order.</summary>
public abstract class ByParentLoader<T>(ReadSession session, string sql, Func<NpgsqlDataReader, T> read, Func<T, Guid> parentOf)
    : BatchLoader<Guid, IReadOnlyList<T>>(session)
{
    protected override IReadOnlyList<T> Missing => [];

    protected override NpgsqlBatchCommand CreateCommand(Guid tenantId, Guid[] keys) => Sql.Command(sql, tenantId, keys);

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, IReadOnlyList<T>> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = read(reader);
            var parent = parentOf(row);
            if (!into.TryGetValue(parent, out var list)) into[parent] = list = new List<T>();
            ((List<T>)list).Add(row);
        }
    }
}

public sealed class PlanByIdLoader(ReadSession session) : ByIdLoader<PlanRow>(session,
    $"SELECT {Sql.PlanColumns} FROM plans p WHERE p.tenant_id = $1 AND p.id = ANY($2)", r => Sql.ReadPlan(r), p => p.Id);

public sealed class ProjectByIdLoader(ReadSession session) : ByIdLoader<ProjectRow>(session,
    $"SELECT {Sql.ProjectColumns} FROM projects p WHERE p.tenant_id = $1 AND p.id = ANY($2)", r => Sql.ReadProject(r), p => p.Id);

public sealed class UnitByIdLoader(ReadSession session) : ByIdLoader<UnitRow>(session,
    $"SELECT {Sql.UnitColumns} FROM units u WHERE u.tenant_id = $1 AND u.id = ANY($2)", r => Sql.ReadUnit(r), u => u.Id);

public sealed class IndicatorByIdLoader(ReadSession session) : ByIdLoader<IndicatorRow>(session,
    $"SELECT {Sql.IndicatorColumns} FROM indicators i WHERE i.tenant_id = $1 AND i.id = ANY($2)", Sql.ReadIndicator, i => i.Id);

public sealed class MilestoneByIdLoader(ReadSession session) : ByIdLoader<MilestoneRow>(session,
    $"SELECT {Sql.MilestoneColumns} FROM milestones m WHERE m.tenant_id = $1 AND m.id = ANY($2)", Sql.ReadMilestone, m => m.Id);

public sealed class ReportByIdLoader(ReadSession session) : ByIdLoader<ReportRow>(session,
    $"SELECT {Sql.ReportColumns} FROM progress_reports r WHERE r.tenant_id = $1 AND r.id = ANY($2)", Sql.ReadReport, r => r.Id);

public sealed class IndicatorsByProjectLoader(ReadSession session) : ByParentLoader<IndicatorRow>(session,
    $"SELECT {Sql.IndicatorColumns} FROM indicators i WHERE i.tenant_id = $1 AND i.project_id = ANY($2) ORDER BY i.project_id, i.position",
    Sql.ReadIndicator, i => i.ProjectId);

public sealed class MilestonesByProjectLoader(ReadSession session) : ByParentLoader<MilestoneRow>(session,
    $"SELECT {Sql.MilestoneColumns} FROM milestones m WHERE m.tenant_id = $1 AND m.project_id = ANY($2) ORDER BY m.project_id, m.due_date, m.id",
    Sql.ReadMilestone, m => m.ProjectId);

public sealed class SubItemsByProjectLoader(ReadSession session) : ByParentLoader<ProjectRow>(session,
    $"SELECT {Sql.ProjectColumns} FROM projects p WHERE p.tenant_id = $1 AND p.parent_id = ANY($2) ORDER BY p.parent_id, p.sort_order",
    r => Sql.ReadProject(r), p => p.ParentId!.Value);

public sealed class ProjectsByPlanLoader(ReadSession session) : ByParentLoader<ProjectRow>(session,
    $"SELECT {Sql.ProjectColumns} FROM projects p WHERE p.tenant_id = $1 AND p.plan_id = ANY($2) ORDER BY p.plan_id, p.sort_order",
    r => Sql.ReadProject(r), p => p.PlanId);

public sealed class ActualsByReportLoader(ReadSession session) : ByParentLoader<ActualRow>(session,
    "SELECT a.report_id, a.indicator_id, a.value FROM report_actuals a WHERE a.tenant_id = $1 AND a.report_id = ANY($2) ORDER BY a.report_id, a.indicator_id",
    r => new ActualRow(r.GetGuid(0), r.GetGuid(1), Sql.Normalize(r.GetDecimal(2))), a => a.ReportId);

public sealed class ReportsByProjectLoader(ReadSession session) : ByParentLoader<ReportRow>(session,
    $"SELECT {Sql.ReportColumns} FROM progress_reports r WHERE r.tenant_id = $1 AND r.project_id = ANY($2) ORDER BY r.project_id, r.period DESC",
    Sql.ReadReport, r => r.ProjectId);

public sealed class UnitsByProjectLoader(ReadSession session) : ByParentLoader<ProjectUnitRow>(session,
    $"""
    SELECT pu.project_id, pu.role, pu.position, {Sql.UnitColumns}
    FROM project_units pu JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
    WHERE pu.tenant_id = $1 AND pu.project_id = ANY($2)
    ORDER BY pu.project_id, pu.role, pu.position
    """,
    r => new ProjectUnitRow(r.GetGuid(0), Enum.Parse<ProjectUnitRole>(r.GetString(1)), r.GetInt32(2), Sql.ReadUnit(r, 3)),
    pu => pu.ProjectId);

/// <summary>
/// The latest report of each project. A lateral join with LIMIT 1 reads one index entry per project;
/// a ROW_NUMBER() window would read every report of the tenant.
/// </summary>
public sealed class LatestReportByProjectLoader(ReadSession session) : BatchLoader<Guid, ReportRow?>(session)
{
    protected override ReportRow? Missing => null;

    protected override NpgsqlBatchCommand CreateCommand(Guid tenantId, Guid[] keys) => Sql.Command($"""
        SELECT {Sql.ReportColumns}
        FROM unnest($2::uuid[]) AS k(project_id)
        CROSS JOIN LATERAL (
            SELECT * FROM progress_reports x
            WHERE x.tenant_id = $1 AND x.project_id = k.project_id
            ORDER BY x.period DESC LIMIT 1) r
        """, tenantId, keys);

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, ReportRow?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = Sql.ReadReport(reader);
            into[row.ProjectId] = row;
        }
    }
}
