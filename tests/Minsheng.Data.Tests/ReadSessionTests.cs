using Minsheng.Data.Reading;
using Minsheng.Domain.Regions;
using Minsheng.Tenancy;
using Minsheng.Testing;
using Npgsql;

namespace Minsheng.Data.Tests;

/// <summary>The read path's batches: the tenant setting lives exactly as long as one batch.</summary>
public sealed class ReadSessionTests
{
    private sealed class CountProjects : IBatchQuery
    {
        public long Count { get; private set; }

        // Deliberately no tenant predicate: only row-level security limits what this sees.
        public NpgsqlBatchCommand CreateCommand(Guid tenantId) => new("SELECT count(*) FROM projects");

        public async ValueTask ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
        {
            await reader.ReadAsync(ct);
            Count = reader.GetInt64(0);
        }

        public void ReadNothing() => Count = 0;
    }

    private sealed class Failing : IBatchQuery
    {
        public NpgsqlBatchCommand CreateCommand(Guid tenantId) => new("SELECT 1 / 0");

        public ValueTask ReadAsync(NpgsqlDataReader reader, CancellationToken ct) => ValueTask.CompletedTask;

        public void ReadNothing()
        {
        }
    }

    [Fact]
    public async Task A_tenants_batch_leaves_nothing_behind_on_the_pooled_connection()
    {
        var owner = await PostgresCluster.CreateMigratedDatabaseAsync("readsession");
        var a = await TestTenants.CreateAsync(owner, projects: 5);
        await TestTenants.CreateAsync(owner, projects: 7);
        await using var dataSource = NpgsqlDataSource.Create(DatabaseSetup.AppConnectionString(owner) + ";Maximum Pool Size=1;No Reset On Close=true");
        var holder = new TenantContextHolder();
        holder.Set(new TenantContext(a.Tenant.Id, a.Tenant.RegionCode, a.Tenant.Name, RegionLevel.County, []));

        var counter = new SqlCommandCounter();
        await using (var session = new ReadSession(dataSource, holder, counter))
        {
            var first = new CountProjects();
            await session.RunAsync(first, CancellationToken.None);
            // A failing batch must not leave an aborted transaction on the connection.
            await Assert.ThrowsAsync<PostgresException>(() => session.RunAsync(new Failing(), CancellationToken.None));
            var second = new CountProjects();
            await session.RunAsync(second, CancellationToken.None);
            Assert.Equal(5, first.Count);
            Assert.Equal(5, second.Count);
        }

        // The only pooled connection, now without any tenant: nothing is visible.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM projects", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        Assert.Equal(3, counter.RoundTrips);
    }
}
