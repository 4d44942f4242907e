using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Milestones;

public sealed class MilestonesByProjectLoader(ReadSession session) : ByParentLoader<MilestoneRow>(session,
    keys => $"SELECT {MilestoneRow.Columns} FROM milestones m WHERE m.tenant_id = $1 AND m.project_id = ANY({keys}) ORDER BY m.project_id, m.due_date, m.id",
    r => MilestoneRow.Read(r), m => m.ProjectId);
