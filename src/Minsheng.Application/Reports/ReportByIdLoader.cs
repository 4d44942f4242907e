using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Reports;

public sealed class ReportByIdLoader(ReadSession session) : ByIdLoader<ReportRow>(session,
    keys => $"SELECT {ReportRow.Columns} FROM progress_reports r WHERE r.tenant_id = $1 AND r.id = ANY({keys})", r => ReportRow.Read(r), r => r.Id);
