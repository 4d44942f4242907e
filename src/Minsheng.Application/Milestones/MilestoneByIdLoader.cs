using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Milestones;

public sealed class MilestoneByIdLoader(ReadSession session) : ByIdLoader<MilestoneRow>(session,
    keys => $"SELECT {MilestoneRow.Columns} FROM milestones m WHERE m.tenant_id = $1 AND m.id = ANY({keys})", r => MilestoneRow.Read(r), m => m.Id);
