using Npgsql;

namespace Minsheng.Data.Reading;

public static class BatchCommands
{
    /// <summary>A statement of a batch with its positional parameters ($1, $2 …), in order.</summary>
    public static NpgsqlBatchCommand Of(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return command;
    }
}
