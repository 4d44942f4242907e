using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Projects;

public sealed class ProjectByIdLoader(ReadSession session) : ByIdLoader<ProjectRow>(session,
    keys => $"SELECT {ProjectRow.Columns} FROM projects p WHERE p.tenant_id = $1 AND p.id = ANY({keys})", r => ProjectRow.Read(r), p => p.Id);
