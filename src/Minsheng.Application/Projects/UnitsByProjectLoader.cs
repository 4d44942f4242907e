using Minsheng.Application.Common;
using Minsheng.Application.Units;
using Minsheng.Data.Reading;
using Minsheng.Domain.Plans;

namespace Minsheng.Application.Projects;

public sealed class UnitsByProjectLoader(ReadSession session) : ByParentLoader<ProjectUnitRow>(session,
    keys => $"""
    SELECT pu.project_id, pu.role, pu.position, {UnitRow.Columns}
    FROM project_units pu JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
    WHERE pu.tenant_id = $1 AND pu.project_id = ANY({keys})
    ORDER BY pu.project_id, pu.role, pu.position
    """,
    r => new ProjectUnitRow(r.GetGuid(0), Enum.Parse<ProjectUnitRole>(r.GetString(1)), r.GetInt32(2), UnitRow.Read(r, 3)),
    pu => pu.ProjectId);
