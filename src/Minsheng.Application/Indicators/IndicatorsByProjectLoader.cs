using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Indicators;

public sealed class IndicatorsByProjectLoader(ReadSession session) : ByParentLoader<IndicatorRow>(session,
    keys => $"SELECT {IndicatorRow.Columns} FROM indicators i WHERE i.tenant_id = $1 AND i.project_id = ANY({keys}) ORDER BY i.project_id, i.position",
    r => IndicatorRow.Read(r), i => i.ProjectId);
