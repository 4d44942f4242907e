using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Reports;

public sealed class ActualsByReportLoader(ReadSession session) : ByParentLoader<ActualRow>(session,
    keys => $"SELECT {ActualRow.Columns} FROM report_actuals a WHERE a.tenant_id = $1 AND a.report_id = ANY({keys}) ORDER BY a.report_id, a.indicator_id",
    r => ActualRow.Read(r), a => a.ReportId);
