using Minsheng.Data.Reading;
using Npgsql;

namespace Minsheng.Application.Common;

// One loader per relation, in the folder of the rows it loads. Each statement filters by tenant_id itself
// (routing, indexes) and runs under row-level security (the guarantee). All are scoped, so results are
// cached for one request.

/// <summary>Loads rows by id, one statement for all keys of a level.</summary>
public abstract class ByIdLoader<T>(ReadSession session, Func<string, string> statement, Func<NpgsqlDataReader, T> read, Func<T, Guid> idOf)
    : BatchLoader<Guid, T?>(session) where T : class
{
    protected override T? Missing => null;

    protected override string Statement(string keys) => statement(keys);

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, T?> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = read(reader);
            into[idOf(row)] = row;
        }
    }
}
