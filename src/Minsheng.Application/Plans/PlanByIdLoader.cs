using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Plans;

public sealed class PlanByIdLoader(ReadSession session) : ByIdLoader<PlanRow>(session,
    keys => $"SELECT {PlanRow.Columns} FROM plans p WHERE p.tenant_id = $1 AND p.id = ANY({keys})", r => PlanRow.Read(r), p => p.Id);
