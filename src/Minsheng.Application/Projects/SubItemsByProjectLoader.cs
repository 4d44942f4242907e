using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Projects;

public sealed class SubItemsByProjectLoader(ReadSession session) : ByParentLoader<ProjectRow>(session,
    keys => $"SELECT {ProjectRow.Columns} FROM projects p WHERE p.tenant_id = $1 AND p.parent_id = ANY({keys}) ORDER BY p.parent_id, p.sort_order",
    r => ProjectRow.Read(r), p => p.ParentId!.Value);
