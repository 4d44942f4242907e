using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Reports;

public sealed class ReportsByProjectLoader(ReadSession session) : ByParentLoader<ReportRow>(session,
    keys => $"SELECT {ReportRow.Columns} FROM progress_reports r WHERE r.tenant_id = $1 AND r.project_id = ANY({keys}) ORDER BY r.project_id, r.period DESC",
    r => ReportRow.Read(r), r => r.ProjectId);
