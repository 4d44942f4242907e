using System.Diagnostics;
using Minsheng.Data.Reference;
using Minsheng.Domain.Regions;
using Npgsql;

namespace Minsheng.Application.Demo;

/// <summary>What a national load covers: every shipped region, or those under one (itself included).</summary>
public sealed record NationalDataOptions(int Seed = 2024, int Year = DemoDataGenerator.DemoYear, string? Under = null, int TenantsPerBatch = 50);

/// <summary>How far a load has come: tenants looked at of all, tenants written (the rest existed), rows written.</summary>
public sealed record NationalDataProgress(int TenantsDone, int TenantsTotal, int TenantsLoaded, long RowsWritten, TimeSpan Elapsed);

public sealed record NationalDataSummary(int Tenants, int TenantsLoaded, long RowsWritten, long Projects, long Reports, long LightRecords,
    TimeSpan LoadTime, long DatabaseBytes);

/// <summary>
/// Loads the national synthetic data set: every government of the shipped division list as a tenant with a supervised
/// year (<see cref="DemoDataGenerator.National"/>), generated and written with binary COPY a batch of tenants at a time,
/// each batch one transaction. Tenants that exist are skipped, so a load that was stopped is finished by running it again.
/// </summary>
public static class NationalData
{
    public static IReadOnlyList<Region> Regions(string? under)
    {
        var all = RegionReferenceData.Load();
        if (under is null) return all;
        var byCode = all.ToDictionary(r => r.Code);
        if (!byCode.ContainsKey(under)) throw new ArgumentException($"No region in the shipped division list has the code '{under}'.", nameof(under));
        bool Within(Region r) => r.Code == under || (r.ParentCode is { } parent && byCode.TryGetValue(parent, out var up) && Within(up));
        return all.Where(Within).ToList();
    }

    public static async Task<NationalDataSummary> LoadAsync(string ownerConnectionString, NationalDataOptions options, IProgress<NationalDataProgress>? progress,
        CancellationToken ct)
    {
        var specs = DemoDataGenerator.National(Regions(options.Under), options.Seed);
        var clock = Stopwatch.StartNew();
        var loaded = 0;
        long rows = 0;
        for (var done = 0; done < specs.Count; done += options.TenantsPerBatch)
        {
            var batch = DemoDataGenerator.Generate(specs.Skip(done).Take(options.TenantsPerBatch), options.Year, options.Seed);
            var written = await DemoDataLoader.LoadAsync(ownerConnectionString, batch, ct);
            loaded += written.Count;
            rows += written.Sum(t => t.RowCount);
            progress?.Report(new NationalDataProgress(Math.Min(done + options.TenantsPerBatch, specs.Count), specs.Count, loaded, rows, clock.Elapsed));
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        // Fresh statistics, so the first queries on the new data are planned for its size.
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(ct);
        var loadTime = clock.Elapsed;
        await using var count = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM progress_reports), (SELECT count(*) FROM project_lights),
                   pg_database_size(current_database())
            """, connection);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new NationalDataSummary(specs.Count, loaded, rows, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), loadTime, reader.GetInt64(3));
    }
}
