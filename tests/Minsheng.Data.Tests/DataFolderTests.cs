using Minsheng.Postgres.Embedded;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>
/// Issue #14: a newcomer running as root with a clone in the home folder (/root, mode 700) got "The user
/// postgres cannot reach /root/…/.minsheng/pgdata". The embedded default must pick a folder the database
/// user can use by itself. When the tests do not run as root, PostgreSQL runs as the current user and the
/// checkout's own folder is always chosen.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), $"minsheng-home-{Guid.NewGuid():N}");
    private readonly List<string> _sharedFolders = [];

    private static bool RunsPostgresAsAnotherUser => Environment.UserName == "root";

    [Fact]
    public void A_checkout_the_database_user_can_reach_keeps_its_cluster_inside()
    {
        var checkout = CreateCheckout("open", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var choice = EmbeddedDefaults.DataDirectory(Path.Combine(checkout, "src", "Minsheng.Server"));

        Assert.Equal(Path.Combine(checkout, ".minsheng", "pgdata"), choice.Path);
        Assert.Null(choice.Reason);
    }

    [Fact]
    public async Task A_checkout_in_a_private_home_gets_a_folder_of_its_own_that_the_database_user_can_use()
    {
        var checkout = CreateCheckout("private", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var other = CreateCheckout("private", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var server = EmbeddedDefaults.DataDirectory(checkout);
        var cli = EmbeddedDefaults.DataDirectory(Path.Combine(checkout, "src", "Minsheng.Cli"));
        var otherCheckout = EmbeddedDefaults.DataDirectory(other);

        if (!RunsPostgresAsAnotherUser)
        {
            Assert.Equal(Path.Combine(checkout, ".minsheng", "pgdata"), server.Path);
            return;
        }
        Assert.Equal(Path.Combine(EmbeddedDefaults.SharedRoot, EmbeddedDefaults.CheckoutKey(checkout), "pgdata"), server.Path);
        Assert.Contains(Path.Combine(checkout, ".minsheng", "pgdata"), server.Reason);
        // The server and the CLI of one checkout agree; another checkout gets another cluster.
        Assert.Equal(server.Path, cli.Path);
        Assert.NotEqual(server.Path, otherCheckout.Path);

        // And the cluster really starts there.
        _sharedFolders.Add(Path.GetDirectoryName(server.Path)!);
        await using var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = server.Path });
        await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
    }

    /// <summary>A checkout (a folder holding Minsheng.Platform.sln) inside a home folder with the given mode.</summary>
    private string CreateCheckout(string homeName, UnixFileMode homeMode)
    {
        var home = Path.Combine(_home, homeName);
        var checkout = Path.Combine(home, $"checkout-{Guid.NewGuid():N}"[..17]);
        Directory.CreateDirectory(Path.Combine(checkout, "src", "Minsheng.Server"));
        Directory.CreateDirectory(Path.Combine(checkout, "src", "Minsheng.Cli"));
        File.WriteAllText(Path.Combine(checkout, "Minsheng.Platform.sln"), "");
        File.SetUnixFileMode(home, homeMode);
        return checkout;
    }

    public void Dispose()
    {
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
        foreach (var folder in _sharedFolders) ScratchFolder.Delete(folder);
    }
}
