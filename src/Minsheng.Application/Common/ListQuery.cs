using Minsheng.Data.Reading;
using Npgsql;

namespace Minsheng.Application.Common;

/// <summary>A one-off statement whose rows are collected into a list; the root fields' queries.</summary>
internal sealed class ListQuery<T>(Func<Guid, NpgsqlBatchCommand> create, Func<NpgsqlDataReader, T> read, bool readsTenantData = true) : IBatchQuery
{
    public List<T> Rows { get; } = [];

    public bool ReadsTenantData => readsTenantData;

    public void ReadNothing() => Rows.Clear();

    public NpgsqlBatchCommand CreateCommand(Guid tenantId) => create(tenantId);

    public async ValueTask ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct)) Rows.Add(read(reader));
    }
}
