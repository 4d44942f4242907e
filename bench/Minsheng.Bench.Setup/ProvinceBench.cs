using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Data.Tenancy;
using Minsheng.Hosting;
using Minsheng.Plugins.Abstractions;
using Minsheng.Plugins.Henan;
using Minsheng.Postgres.Embedded;
using Npgsql;

/// <summary>The province roll-up benchmark's data (issue 18) and its hand-written floor.</summary>
internal static class ProvinceBench
{
    private const string Province = "410000";

    public static async Task<int> UpAsync(EmbeddedPostgres pg, string database, string factsPath)
    {
        var clock = Stopwatch.StartNew();
        var owner = pg.ConnectionString(database);
        await PlatformDatabase.MigrateAsync(owner);
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();

        // Every government of the province on its real code; 15–25 projects each, the same for every run.
        var regions = new List<(string Code, string Name, string? Parent)>();
        await using (var command = new NpgsqlCommand("SELECT code, name, parent_code FROM regions WHERE code LIKE '41%' ORDER BY code", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) regions.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        var random = new Random(18);
        var specs = regions.Select(r => new DemoTenantSpec(r.Code, r.Name, r.Parent, random.Next(15, 26), 12, TargetsPerProject: 3)).ToList();
        var data = DemoDataGenerator.Generate(specs);
        WriteProvincialTasks(data, new Random(2024));
        var loaded = await DemoDataLoader.LoadAsync(owner, data);
        Console.WriteLine($"loaded {loaded.Count} tenants of province {Province} at {clock.Elapsed.TotalSeconds:0.0} s");

        // Half the counties run without plugins: the page's cost of being a plugin is measured between the two halves.
        var counties = data.Tenants.Where(t => t.Tenant.Level == Minsheng.Domain.Regions.RegionLevel.County).Select(t => t.Tenant.RegionCode).Order().ToList();
        var withPlugins = counties.Where((_, i) => i % 2 == 0).ToList();
        var withoutPlugins = counties.Where((_, i) => i % 2 == 1).ToList();
        await ExecuteAsync(connection, "UPDATE tenants SET enabled_plugins = '{henan,statistics-bureau}' WHERE region_code LIKE '41%' AND region_code <> ALL($1)",
            (object)withoutPlugins.ToArray());

        // What a person would confirm: the classifier's matches that are not doubtful, as catalog links.
        var classifier = new HenanClassifier(new HenanTaskCatalog());
        var links = new List<Link>();
        foreach (var tenant in data.Tenants)
        {
            foreach (var project in tenant.Projects.Where(p => p.ParentId is null))
            {
                var targets = tenant.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Position).ToList();
                var found = classifier.Classify(new ClassifiedProject(project.Name, project.Content, 2024,
                    targets.Select(t => new ClassifiedTarget(t.Label, t.TargetValue, t.Unit)).ToList()));
                if (found is not { Task: { } task, Doubtful: false }) continue;
                foreach (var match in found.Targets.Where(m => m.Position < targets.Count))
                    links.Add(new(tenant.Tenant.Id, project.Id, targets[match.Position].Id, task.Key, match.AggregationKey, targets[match.Position].Unit, match.Factor));
            }
        }
        await CopyLinksAsync(connection, links, "bench");
        // One light per top-level project in the history, as the daily round leaves it (about 7 green, 2 yellow, 1 red in 10).
        await ExecuteAsync(connection, """
            INSERT INTO project_lights (id, tenant_id, project_id, recorded_for, light, since, escalated, status, reasons, recorded_at)
            SELECT gen_random_uuid(), p.tenant_id, p.id, DATE '2024-10-01', l.light, DATE '2024-09-01', false,
              CASE l.light WHEN 'Red' THEN 'Lagging' WHEN 'Yellow' THEN 'AtRisk' ELSE 'OnTrack' END, '[]', now()
            FROM projects p JOIN tenants t ON t.id = p.tenant_id
            CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(p.id::text)) % 10 < 7 THEN 'Green' WHEN abs(hashtext(p.id::text)) % 10 < 9 THEN 'Yellow' ELSE 'Red' END AS light) l
            WHERE t.region_code LIKE '41%' AND p.parent_id IS NULL
            """);
        // Vacuumed and analyzed now, so that no autovacuum runs during the measurements.
        await ExecuteAsync(connection, "VACUUM ANALYZE");

        var facts = new JsonObject
        {
            ["province"] = Province,
            ["ownerConnection"] = owner,
            ["appConnection"] = DatabaseSetup.AppConnectionString(owner),
            ["tenants"] = data.Tenants.Count,
            ["counties"] = counties.Count,
            ["projects"] = data.Tenants.Sum(t => t.Projects.Count(p => p.ParentId is null)),
            ["indicators"] = data.Tenants.Sum(t => t.Indicators.Count),
            ["reports"] = data.Tenants.Sum(t => t.Reports.Count),
            ["catalogLinks"] = links.Count,
            ["projectsCounted"] = links.Select(l => l.Project).Distinct().Count(),
            ["countiesWithPlugins"] = withPlugins.Count,
            ["countiesWithoutPlugins"] = withoutPlugins.Count,
            ["setupSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(factsPath))!);
        await File.WriteAllTextAsync(factsPath, facts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await File.WriteAllLinesAsync(Path.ChangeExtension(factsPath, ".with-plugins.txt"), withPlugins);
        await File.WriteAllLinesAsync(Path.ChangeExtension(factsPath, ".without-plugins.txt"), withoutPlugins);
        Console.WriteLine($"{data.Tenants.Count} tenants, {links.Count} catalog links; facts in {factsPath}; ready at {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// Every government carries some of the province's tasks for the year, as its plan words them: a county 6 to 10 of
    /// the ten, a city (its city-wide figures) and the province 2 to 5. The generated project keeps its figures; its name
    /// and targets become the task's (（省定） and the catalog's target labels and units).
    /// </summary>
    private static void WriteProvincialTasks(DemoDataSet data, Random random)
    {
        var catalog = new HenanTaskCatalog().TasksFor(2024);
        foreach (var tenant in data.Tenants)
        {
            var projects = tenant.Projects.Where(p => p.ParentId is null).OrderBy(p => p.SortOrder).ToList();
            var count = tenant.Tenant.Level == Minsheng.Domain.Regions.RegionLevel.County ? random.Next(6, 11) : random.Next(2, 6);
            var first = random.Next(catalog.Count);
            for (var i = 0; i < Math.Min(count, projects.Count); i++)
            {
                var task = catalog[(first + i) % catalog.Count];
                var project = projects[i];
                project.Update(new Minsheng.Domain.Plans.ProjectDetails(project.Sequence, task.Name + "（省定）", $"{task.Name}，按省定目标完成。",
                    "provincial", project.InvestmentYuan, project.InvestmentText, project.CommandHeadquarters, project.ResponsibleLeader, project.Deadline, project.Remarks));
                var targets = tenant.Indicators.Where(t => t.ProjectId == project.Id).OrderBy(t => t.Position).ToList();
                for (var j = 0; j < Math.Min(task.Targets.Count, targets.Count); j++)
                    targets[j].Update(task.Targets[j].Label, Minsheng.Domain.Values.Comparator.AtLeast,
                        new Minsheng.Domain.Values.Quantity(targets[j].TargetValue, task.Targets[j].Unit), null);
            }
        }
    }

    /// <summary>
    /// The same roll-up by hand, in one statement: each government's figure per key, a city's own figure else its
    /// counties' sum, the province's own else its cities' — and per task the counted projects' last lights — read
    /// as the application role through the same row-level security, widened to the province's tenants, with the same
    /// planner settings. Its base (the counted targets, their figures, the lights) is the application's own query:
    /// the best this project found; the floor adds the hierarchy in SQL where the application does it in C#.
    /// </summary>
    public static async Task<int> FloorAsync(EmbeddedPostgres pg, string database, int runs)
    {
        var app = DatabaseSetup.AppConnectionString(pg.ConnectionString(database));
        await using var connection = new NpgsqlConnection(app);
        await connection.OpenAsync();
        var tenantIds = new List<Guid>();
        await using (var command = new NpgsqlCommand("SELECT id FROM tenants WHERE status = 'Active' AND region_code LIKE '41%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tenantIds.Add(reader.GetGuid(0));

        const string RollUp = $$"""
            {{Minsheng.Application.Regions.RegionFigures.CountedTargets}},
            gov AS (
              SELECT t.region_code, k.aggregation_key, sum(k.target_value * k.factor) AS planned, sum(coalesce(a.value, 0) * k.factor) AS done
              FROM linked k JOIN tenants t ON t.id = k.tenant_id LEFT JOIN actuals a ON a.tenant_id = k.tenant_id AND a.indicator_id = k.indicator_id
              GROUP BY t.region_code, k.aggregation_key),
            county_sums AS (
              SELECT substr(region_code, 1, 4) || '00' AS city, aggregation_key, sum(planned) AS planned, sum(done) AS done
              FROM gov WHERE region_code NOT LIKE '%00' GROUP BY 1, 2),
            cities AS (
              SELECT coalesce(own.aggregation_key, c.aggregation_key) AS aggregation_key,
                coalesce(own.planned, c.planned) AS planned, coalesce(own.done, c.done) AS done
              FROM (SELECT * FROM gov WHERE region_code LIKE '%00' AND region_code NOT LIKE '%0000') own
              FULL JOIN county_sums c ON c.city = own.region_code AND c.aggregation_key = own.aggregation_key),
            province AS (
              SELECT coalesce(own.aggregation_key, c.aggregation_key) AS aggregation_key, coalesce(own.planned, c.planned) AS planned, coalesce(own.done, c.done) AS done
              FROM (SELECT * FROM gov WHERE region_code LIKE '%0000') own
              FULL JOIN (SELECT aggregation_key, sum(planned) AS planned, sum(done) AS done FROM cities GROUP BY 1) c ON c.aggregation_key = own.aggregation_key),
            task_lights AS (
              SELECT p.task_key, count(*) FILTER (WHERE h.light = 'Green') AS green, count(*) FILTER (WHERE h.light = 'Yellow') AS yellow,
                count(*) FILTER (WHERE h.light = 'Red') AS red
              FROM projects p LEFT JOIN lights h ON h.tenant_id = p.tenant_id AND h.project_id = p.project_id GROUP BY p.task_key)
            SELECT 'key', aggregation_key, planned, done, NULL::bigint FROM province
            UNION ALL SELECT 'lights', task_key, green, yellow, red FROM task_lights
            """;

        var timings = new List<double>();
        var figures = new JsonObject();
        for (var run = 0; run < runs + 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(TenantSetting.SetLocalStatement(tenantIds)));
            // The planner settings the application's region reads use (TenantReads.ScanAsTenantsAsync).
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_nestloop = off"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL jit = off"));
            var query = new NpgsqlBatchCommand(RollUp);
            query.Parameters.Add(new NpgsqlParameter { Value = tenantIds.ToArray() });
            query.Parameters.Add(new NpgsqlParameter { Value = 2024 });
            batch.BatchCommands.Add(query);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using (var reader = await batch.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    if (reader.GetString(0) == "key")
                        figures[reader.GetString(1)] = new JsonObject { ["planned"] = reader.GetDecimal(2), ["actual"] = reader.GetDecimal(3) };
            // The first three are warm-up (plans, caches).
            if (run >= 3) timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        var result = new JsonObject
        {
            ["runs"] = runs,
            ["medianMs"] = Math.Round(timings[timings.Count / 2], 2),
            ["p90Ms"] = Math.Round(timings[(int)Math.Min(timings.Count - 1, Math.Ceiling(timings.Count * 0.9) - 1)], 2),
            ["figures"] = figures,
        };
        Console.WriteLine(result.ToJsonString());
        return 0;
    }

    private sealed record Link(Guid Tenant, Guid Project, Guid Indicator, string Task, string Key, string Unit, decimal Factor);

    /// <summary>
    /// The national data's governments of the province, linked as a person would link them: each top-level project the
    /// classifier matches without doubt counts its matched targets under the catalog's keys (the national generator
    /// writes generic county plans, so only the projects whose wording is one of the province's tasks count). Returns the
    /// links written; links an earlier run of this wrote are replaced.
    /// </summary>
    public static async Task<int> LinkNationalAsync(string ownerConnectionString, int year)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DELETE FROM catalog_links WHERE linked_by = 'bench-national'");
        var projects = new Dictionary<Guid, (Guid Tenant, string Name, string? Content, List<(Guid Id, string Label, decimal Value, string Unit)> Targets)>();
        await using (var command = new NpgsqlCommand("""
            SELECT p.tenant_id, p.id, p.name, p.content, i.id, i.label, i.target_value, i.unit
            FROM projects p JOIN tenants t ON t.id = p.tenant_id JOIN plans pl ON pl.tenant_id = p.tenant_id AND pl.id = p.plan_id
            JOIN indicators i ON i.tenant_id = p.tenant_id AND i.project_id = p.id
            WHERE t.region_code LIKE $1 AND p.parent_id IS NULL AND pl.year = $2
            ORDER BY p.tenant_id, p.id, i.position
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Province[..2] + "%" });
            command.Parameters.Add(new NpgsqlParameter { Value = year });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetGuid(1);
                if (!projects.TryGetValue(id, out var project))
                    projects[id] = project = (reader.GetGuid(0), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), []);
                project.Targets.Add((reader.GetGuid(4), reader.GetString(5), reader.GetDecimal(6), reader.GetString(7)));
            }
        }
        var classifier = new HenanClassifier(new HenanTaskCatalog());
        var links = new List<Link>();
        foreach (var (id, project) in projects)
        {
            var found = classifier.Classify(new ClassifiedProject(project.Name, project.Content, year,
                project.Targets.Select(t => new ClassifiedTarget(t.Label, t.Value, t.Unit)).ToList()));
            if (found is not { Task: { } task, Doubtful: false }) continue;
            foreach (var match in found.Targets.Where(m => m.Position < project.Targets.Count))
                links.Add(new(project.Tenant, id, project.Targets[match.Position].Id, task.Key, match.AggregationKey, project.Targets[match.Position].Unit, match.Factor));
        }
        await CopyLinksAsync(connection, links, "bench-national");
        await ExecuteAsync(connection, "ANALYZE catalog_links");
        return links.Count;
    }

    private static async Task CopyLinksAsync(NpgsqlConnection connection, IEnumerable<Link> links, string linkedBy)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY catalog_links (id, tenant_id, project_id, indicator_id, task_key, aggregation_key, unit, factor, linked_by, linked_at) FROM STDIN (FORMAT BINARY)");
        foreach (var l in links)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7());
            await writer.WriteAsync(l.Tenant);
            await writer.WriteAsync(l.Project);
            await writer.WriteAsync(l.Indicator);
            await writer.WriteAsync(l.Task);
            await writer.WriteAsync(l.Key);
            await writer.WriteAsync(l.Unit);
            await writer.WriteAsync(l.Factor);
            await writer.WriteAsync(linkedBy);
            await writer.WriteAsync(DateTimeOffset.UtcNow);
        }
        await writer.CompleteAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync();
    }
}
