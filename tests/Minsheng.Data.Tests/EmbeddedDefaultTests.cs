using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>What `dotnet run --project src/Minsheng.Server` does with no connection string configured.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task First_start_creates_migrates_and_loads_the_demo_tenants_and_a_restart_adds_nothing()
    {
        var folder = Path.Combine(EmbeddedDefaults.ScratchRoot(), $"minsheng-default-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var settings = new DatabaseSettings { EnvironmentName = "Development", EmbeddedDataDirectory = Path.Combine(folder, "pgdata"), EmbeddedPort = 0 };
        try
        {
            var first = await DatabaseBootstrap.PrepareAsync(settings);
            var firstCounts = await CountsAsync(first.OwnerConnectionString!);
            await first.Embedded!.StopAsync();

            var second = await DatabaseBootstrap.PrepareAsync(settings);
            var secondCounts = await CountsAsync(second.OwnerConnectionString!);
            await second.Embedded!.StopAsync();

            Assert.Equal(6, firstCounts.Tenants);
            Assert.InRange(firstCounts.Projects, 60, 120);
            Assert.Equal(firstCounts, secondCounts);
            // The server connects as the application role, never as the owner.
            Assert.Contains("Username=minsheng_app", first.Options.AppConnectionString);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Tenants, long Projects)> CountsAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM projects)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
