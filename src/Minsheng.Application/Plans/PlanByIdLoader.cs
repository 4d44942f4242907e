using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Plans;

public sealed class PlanByIdLoader(ReadSession session) : ByIdLoader<PlanRow>(session,
    $"SELECT {PlanRow.Columns} FROM plans p WHERE p.tenant_id = $1 AND p.id = ANY($2)", r => PlanRow.Read(r), p => p.Id);
