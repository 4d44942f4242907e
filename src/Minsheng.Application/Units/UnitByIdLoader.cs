using Minsheng.Application.Common;
using Minsheng.Data.Reading;

namespace Minsheng.Application.Units;

public sealed class UnitByIdLoader(ReadSession session) : ByIdLoader<UnitRow>(session,
    keys => $"SELECT {UnitRow.Columns} FROM units u WHERE u.tenant_id = $1 AND u.id = ANY({keys})", r => UnitRow.Read(r), u => u.Id);
