using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>
/// Issue #14: a second server (or a CLI command) on the same checkout adopts the first one's running cluster;
/// when it stops it must not shut the cluster down under the first.
/// </summary>
public sealed class SharedClusterTests : IDisposable
{
    private readonly string _folder = ScratchFolder.NewPath("minsheng-shared");

    private string DataDirectory => Path.Combine(_folder, "pgdata");

    [Fact]
    public async Task The_second_user_stopping_leaves_the_cluster_running_for_the_first()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = DataDirectory };
        var first = await EmbeddedPostgres.StartAsync(options);
        var second = await EmbeddedPostgres.StartAsync(options with { Port = first.Port });
        Assert.False(first.WasAlreadyRunning);
        Assert.True(second.WasAlreadyRunning);

        await second.StopAsync();

        Assert.Equal(1, await QueryAsync(first.ConnectionString()));
        await first.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => QueryAsync(first.ConnectionString()));
    }

    [Fact]
    public async Task The_first_user_stopping_leaves_the_cluster_running_for_the_second()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = DataDirectory };
        var first = await EmbeddedPostgres.StartAsync(options);
        var second = await EmbeddedPostgres.StartAsync(options with { Port = first.Port });

        await first.StopAsync();

        Assert.Equal(1, await QueryAsync(second.ConnectionString()));
        await second.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => QueryAsync(second.ConnectionString()));
    }

    [Fact]
    public async Task A_second_server_on_another_port_joins_the_running_cluster_instead_of_restarting_it()
    {
        var first = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = DataDirectory });
        await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = DataDirectory, Port = 0 });

        Assert.Equal(first.Port, second.Port);
        await first.StopAsync();
        Assert.Equal(1, await QueryAsync(second.ConnectionString()));
    }

    [Fact]
    public async Task Two_users_starting_at_once_share_one_server()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = DataDirectory };
        await (await EmbeddedPostgres.StartAsync(options)).StopAsync();

        var both = await Task.WhenAll(EmbeddedPostgres.StartAsync(options), EmbeddedPostgres.StartAsync(options));

        Assert.Single(both, user => user.WasAlreadyRunning);
        Assert.Equal(both[0].Port, both[1].Port);
        await both[0].StopAsync();
        Assert.Equal(1, await QueryAsync(both[1].ConnectionString()));
        await both[1].StopAsync();
    }

    [Fact]
    public async Task Two_users_starting_at_once_on_an_empty_folder_create_one_cluster()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = DataDirectory };

        // Before the init lock, both ran initdb on the empty folder and the second failed.
        var both = await Task.WhenAll(EmbeddedPostgres.StartAsync(options), EmbeddedPostgres.StartAsync(options));

        Assert.Equal(both[0].Port, both[1].Port);
        Assert.Equal(1, await QueryAsync(both[0].ConnectionString()));
        await both[0].StopAsync();
        await both[1].StopAsync();
    }

    [Fact]
    public async Task A_lease_left_by_a_killed_process_does_not_keep_the_cluster_running()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = DataDirectory };
        var killed = await EmbeddedPostgres.StartAsync(options);
        LeaveLeasesOfAKilledProcess(DataDirectory);
        var survivor = await EmbeddedPostgres.StartAsync(options with { Port = killed.Port });

        await survivor.StopAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => QueryAsync(survivor.ConnectionString()));
        Assert.Empty(Directory.GetFiles(Path.Combine(DataDirectory, EmbeddedPostgres.UsersFolderName), "*.lease"));
    }

    [Fact]
    public async Task Two_bootstraps_of_the_embedded_default_share_one_cluster_and_the_second_leaving_keeps_it()
    {
        var settings = new DatabaseSettings { EnvironmentName = "Development", EmbeddedDataDirectory = DataDirectory, EmbeddedPort = 0, LoadDemoData = false };
        var server = await DatabaseBootstrap.PrepareAsync(settings);
        var cli = await DatabaseBootstrap.PrepareAsync(settings with { EmbeddedPort = server.Embedded!.Port });

        await cli.Embedded!.StopAsync();

        Assert.Equal(1, await QueryAsync(server.Options.AppConnectionString));
        await server.Embedded.StopAsync();
    }

    /// <summary>What a process killed with its cluster running leaves behind: lease files naming a dead process.</summary>
    internal static void LeaveLeasesOfAKilledProcess(string dataDirectory)
    {
        foreach (var lease in Directory.GetFiles(Path.Combine(dataDirectory, EmbeddedPostgres.UsersFolderName), "*.lease"))
            File.WriteAllText(lease, $"{DeadProcessId}\n0\n");
    }

    /// <summary>Above the kernel's largest pid_max (4194304): no live process has this id.</summary>
    private const int DeadProcessId = 4_194_305;

    private static async Task<int> QueryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=5");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => ScratchFolder.Delete(_folder);
}
