using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Indicators;

public sealed class IndicatorByIdLoader(ReadSession session) : ByIdLoader<IndicatorRow>(session,
    keys => $"SELECT {IndicatorRow.Columns} FROM indicators i WHERE i.tenant_id = $1 AND i.id = ANY({keys})", r => IndicatorRow.Read(r), i => i.Id);
