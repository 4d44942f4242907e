using Minsheng.Postgres.Embedded;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>The launcher the server's embedded default, the tests and the benchmark all use.</summary>
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public void Missing_binaries_give_one_message_saying_what_to_install()
    {
        var error = Assert.Throws<PostgresNotFoundException>(() => PostgresBinaries.Locate(["/nonexistent/bin"]));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains(PostgresBinaries.BinDirVariable, error.Message);
        Assert.Contains("ConnectionStrings__Minsheng", error.Message);
    }

    [Fact]
    public async Task A_cluster_is_created_restarted_and_survives_a_stale_pid_file()
    {
        var folder = Path.Combine(EmbeddedDefaults.ScratchRoot(), $"minsheng-launcher-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var dataDirectory = Path.Combine(folder, "pgdata");
        try
        {
            var first = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory });
            await QueryAsync(first);
            await first.StopAsync();

            // A crash leaves postmaster.pid behind, naming a process that no longer exists.
            var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
            await File.WriteAllTextAsync(pidFile, $"999999\n{dataDirectory}\n0\n{first.Port}\n");

            await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory });
            Assert.Equal(1, await QueryAsync(second));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_left_running_on_the_folder_is_reused()
    {
        var folder = Path.Combine(EmbeddedDefaults.ScratchRoot(), $"minsheng-launcher-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(folder, "pgdata") };
        try
        {
            var first = await EmbeddedPostgres.StartAsync(options);
            // The owning process "dies" without stopping it (its lease stays behind, naming a dead process);
            // a new one starts on the same folder and port.
            SharedClusterTests.LeaveLeasesOfAKilledProcess(options.DataDirectory);
            await using var second = await EmbeddedPostgres.StartAsync(options with { Port = first.Port });
            Assert.True(second.WasAlreadyRunning);
            Assert.Equal(1, await QueryAsync(second));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> QueryAsync(EmbeddedPostgres server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
