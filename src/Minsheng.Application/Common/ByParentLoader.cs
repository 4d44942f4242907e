using Minsheng.Data.Reading;
using Npgsql;

namespace Minsheng.Application.Common;

/// <summary>Loads the children of many parents, one statement for all parents of a level; rows arrive in display order.</summary>
public abstract class ByParentLoader<T>(ReadSession session, Func<string, string> statement, Func<NpgsqlDataReader, T> read, Func<T, Guid> parentOf)
    : BatchLoader<Guid, IReadOnlyList<T>>(session)
{
    protected override IReadOnlyList<T> Missing => [];

    protected override string Statement(string keys) => statement(keys);

    protected override async ValueTask ReadAsync(NpgsqlDataReader reader, Dictionary<Guid, IReadOnlyList<T>> into, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            var row = read(reader);
            var parent = parentOf(row);
            if (!into.TryGetValue(parent, out var list)) into[parent] = list = new List<T>();
            ((List<T>)list).Add(row);
        }
    }
}
