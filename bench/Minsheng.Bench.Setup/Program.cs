// Benchmark database: a private PostgreSQL cluster started with the project's own launcher, migrated with
// the project's migrations and filled with the project's deterministic generator.
//
//   up   <data dir> <port> <facts.json> [--tenants 200] [--projects 20] [--months 12] [--large 200]
//        starts (or reuses) the cluster, migrates, loads the synthetic tenants once, prepares the
//        PostGraphile role, writes the facts file (connection strings, tenant codes, row counts) and
//        leaves the cluster running.
//   down <data dir> <port>
//        stops the cluster.
//   log-statements <data dir> <port> <on|off>
//        switches log_statement = 'all' (used to count statements per request outside the load runs); on
//        prints the server log's current length, the offset to count from.
//   count-statements <data dir> <port> <offset>
//        prints, as JSON, the statements PostgreSQL logged per role since that offset of the server log.
//   province <data dir> <port> <facts.json>
//        (issue 18) a synthetic Henan on the real region codes: every government of 41 (province, 17 cities, 157
//        counties) a tenant with 15–25 projects, 3 targets each, 12 months of reports; the henan plugin enabled on half
//        the counties (and every city and the province), the other half without plugins; the catalog matches the henan
//        classifier finds without doubt stored as confirmed links (what a person's confirmCategorizations stores); one
//        light per project in the history. Writes the facts and the two county groups (with/without plugins).
//   national <data dir> <port> <out.json>
//        (issue 20) adds the national synthetic data set (every government of the division list, a supervised year:
//        NationalData) to the running bench database — tenants already there are kept as they are — and writes the
//        load's summary (tenants, rows, seconds, database size) as JSON; the province 41's governments get the catalog links
//        the henan classifier finds without doubt in their generic plans (ProvinceBench.LinkNationalAsync).
//   province-floor <data dir> <port> <runs>
//        (issue 18) the province's roll-up as one hand-written statement, as the application role with the province's
//        tenants in the row-level security setting: prints JSON with the median and p90 of <runs> timed executions
//        and the figures (key → planned, actual), for the comparison with the API.

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Minsheng.Application.Demo;
using Minsheng.Data;
using Minsheng.Hosting;
using Minsheng.Postgres.Embedded;
using Npgsql;

const string Database = "minsheng_bench";
const string PostGraphileRole = "bench_postgraphile";
const string LargeCityCode = "999900";
const string LargeTenantCode = "999901";

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: up <data dir> <port> <facts.json> [options] | down <data dir> <port> | log-statements <data dir> <port> <on|off> | count-statements <data dir> <port> <offset>");
    return 2;
}

var verb = args[0];
var dataDir = Path.GetFullPath(args[1]);
var port = int.Parse(args[2], CultureInfo.InvariantCulture);

switch (verb)
{
    case "up":
        return await UpAsync(args[3], Options(args.Skip(4).ToArray()));
    case "down":
        return await DownAsync();
    case "log-statements":
        return await LogStatementsAsync(args[3]);
    case "count-statements":
        return CountStatements(long.Parse(args[3], CultureInfo.InvariantCulture));
    case "province":
        return await ProvinceBench.UpAsync(await StartClusterAsync(), Database, args[3]);
    case "national":
        return await NationalAsync(args[3]);
    case "province-floor":
        return await ProvinceBench.FloorAsync(await StartClusterAsync(), Database, int.Parse(args[3], CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine($"unknown verb {verb}");
        return 2;
}

async Task<EmbeddedPostgres> StartClusterAsync()
{
    var settings = new Dictionary<string, string>
    {
        // The cluster is shared by three servers and the load generator on two cores: keep it ordinary.
        ["shared_buffers"] = "256MB",
        ["max_connections"] = "300",
        ["log_min_messages"] = "warning",
    };
    return await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDir, Port = port, Settings = settings });
}

async Task<int> NationalAsync(string outPath)
{
    var pg = await StartClusterAsync();
    var owner = pg.ConnectionString(Database);
    var summary = await NationalData.LoadAsync(owner, new NationalDataOptions(), null, CancellationToken.None);
    // The generic national plans carry no catalog links; the province's governments get those a person would confirm.
    var links = await ProvinceBench.LinkNationalAsync(owner, DemoDataGenerator.DemoYear);
    var json = new JsonObject
    {
        ["tenants"] = summary.Tenants, ["tenantsLoaded"] = summary.TenantsLoaded, ["rowsWritten"] = summary.RowsWritten,
        ["projects"] = summary.Projects, ["reports"] = summary.Reports, ["lightRecords"] = summary.LightRecords,
        ["loadSeconds"] = Math.Round(summary.LoadTime.TotalSeconds, 1), ["databaseMegabytes"] = summary.DatabaseBytes / 1048576,
        ["provinceCatalogLinks"] = links,
    };
    await File.WriteAllTextAsync(outPath, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"national data: {summary.TenantsLoaded} governments loaded ({summary.Tenants} in the list), {summary.RowsWritten:N0} rows in {summary.LoadTime.TotalSeconds:0.0} s, database {summary.DatabaseBytes / 1048576} MB; {links} targets of province 410000 linked to its catalog");
    return 0;
}

async Task<int> UpAsync(string factsPath, IReadOnlyDictionary<string, int> options)
{
    var clock = Stopwatch.StartNew();
    var tenants = options.GetValueOrDefault("tenants", 200);
    var projects = options.GetValueOrDefault("projects", 20);
    var months = options.GetValueOrDefault("months", 12);
    var large = options.GetValueOrDefault("large", 200);

    var pg = await StartClusterAsync();
    var owner = pg.ConnectionString(Database);
    Console.WriteLine($"PostgreSQL cluster on 127.0.0.1:{pg.Port} ({pg.DataDirectory}), started in {clock.Elapsed.TotalSeconds:0.0} s");

    await PlatformDatabase.MigrateAsync(owner);
    Console.WriteLine($"migrated at {clock.Elapsed.TotalSeconds:0.0} s");

    // Issue 11's shape: 3 targets per project.
    var specs = DemoDataGenerator.SyntheticCounties(tenants, projects, months, targetsPerProject: 3).ToList();
    specs.Add(new DemoTenantSpec(LargeCityCode, "合成大市", "990000", 0));
    specs.Add(new DemoTenantSpec(LargeTenantCode, "合成大县", LargeCityCode, large, months, TargetsPerProject: 3));
    var loaded = await DemoDataLoader.LoadAsync(owner, DemoDataGenerator.Generate(specs));
    Console.WriteLine($"loaded {loaded.Count} new tenants at {clock.Elapsed.TotalSeconds:0.0} s");

    await using var connection = new NpgsqlConnection(owner);
    await connection.OpenAsync();
    await ExecuteAsync(connection, "ANALYZE");
    await ExecuteAsync(connection, $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PostGraphileRole}') THEN
                CREATE ROLE {PostGraphileRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
            END IF;
        END
        $$;
        GRANT USAGE ON SCHEMA public TO {PostGraphileRole};
        GRANT SELECT ON regions, tenants, plans, projects, project_units, units, indicators, milestones, progress_reports
            TO {PostGraphileRole};
        """);
    // Tenants with projects, in code order: the load generator rotates over these.
    var specByCode = specs.ToDictionary(s => s.RegionCode);
    var rotation = specs.Where(s => s.ProjectCount > 0 && s.RegionCode != LargeTenantCode).Select(s => s.RegionCode).ToList();

    var facts = new JsonObject
    {
        ["port"] = pg.Port,
        ["dataDirectory"] = pg.DataDirectory,
        ["database"] = Database,
        ["ownerConnection"] = owner,
        ["appConnection"] = DatabaseSetup.AppConnectionString(owner),
        ["postgraphileConnection"] = $"postgres://{PostGraphileRole}@127.0.0.1:{pg.Port}/{Database}",
        ["postgraphileRole"] = PostGraphileRole,
        ["serverLog"] = Path.Combine(pg.DataDirectory, "server.log"),
        ["tenants"] = new JsonArray(rotation.Select(c => (JsonNode)c).ToArray()),
        ["largeTenant"] = LargeTenantCode,
        ["requested"] = new JsonObject
        {
            ["tenants"] = tenants, ["projectsPerTenant"] = projects, ["reportMonths"] = months, ["largeTenantProjects"] = large,
            ["targetsPerProject"] = 3,
        },
        ["data"] = await CountsAsync(connection, rotation, specByCode),
        ["postgresVersion"] = (string?)await ScalarAsync(connection, "SHOW server_version"),
        ["setupSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
    };
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(factsPath))!);
    await File.WriteAllTextAsync(factsPath, facts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    await File.WriteAllLinesAsync(Path.ChangeExtension(factsPath, ".tenants.txt"), rotation);
    Console.WriteLine($"facts in {factsPath}; {rotation.Count} tenants in rotation, large tenant {LargeTenantCode}; ready at {clock.Elapsed.TotalSeconds:0.0} s");
    return 0;
}

async Task<JsonObject> CountsAsync(NpgsqlConnection connection, List<string> rotation, Dictionary<string, DemoTenantSpec> specs)
{
    var counts = new JsonObject();
    foreach (var table in new[] { "tenants", "units", "plans", "projects", "project_units", "indicators", "milestones", "progress_reports" })
        counts[table] = (long)(await ScalarAsync(connection, $"SELECT count(*) FROM {table}"))!;
    var perProject = await ScalarAsync(connection, """
        SELECT round(avg(n), 2)::float8 FROM (
            SELECT count(i.id) AS n FROM projects p LEFT JOIN indicators i ON i.tenant_id = p.tenant_id AND i.project_id = p.id
            GROUP BY p.tenant_id, p.id) x
        """);
    counts["indicatorsPerProject"] = (double)perProject!;
    var histogram = new JsonObject();
    await using (var cmd = new NpgsqlCommand("""
        SELECT n, count(*) FROM (
            SELECT count(i.id) AS n FROM projects p LEFT JOIN indicators i ON i.tenant_id = p.tenant_id AND i.project_id = p.id
            GROUP BY p.tenant_id, p.id) x GROUP BY n ORDER BY n
        """, connection))
    await using (var reader = await cmd.ExecuteReaderAsync())
        while (await reader.ReadAsync()) histogram[reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)] = reader.GetInt64(1);
    counts["projectsByIndicatorCount"] = histogram;
    counts["reportsPerProject"] = Math.Round((long)counts["progress_reports"]!.GetValue<long>() / (double)counts["projects"]!.GetValue<long>(), 2);
    counts["tenantsInRotation"] = rotation.Count;
    counts["projectsPerRotationTenant"] = rotation.Count == 0 ? 0 : specs[rotation[0]].ProjectCount;
    return counts;
}

async Task<int> DownAsync()
{
    if (!File.Exists(Path.Combine(dataDir, "postmaster.pid"))) return 0;
    // The launcher reuses a cluster already running on this folder and port; stopping it is then a pg_ctl stop.
    var pg = await StartClusterAsync();
    await pg.StopAsync();
    return 0;
}

async Task<int> LogStatementsAsync(string mode)
{
    if (mode is not ("on" or "off")) throw new ArgumentException("mode is on or off");
    var owner = $"Host=127.0.0.1;Port={port};Username=minsheng_owner;Database={Database};Pooling=false";
    await using var connection = new NpgsqlConnection(owner);
    await connection.OpenAsync();
    if (mode == "on")
    {
        await ExecuteAsync(connection, "ALTER SYSTEM SET log_line_prefix = '%m [%p] %u: '");
        await ExecuteAsync(connection, "ALTER SYSTEM SET log_statement = 'all'");
    }
    else
    {
        await ExecuteAsync(connection, "ALTER SYSTEM RESET log_statement");
    }
    await ExecuteAsync(connection, "SELECT pg_reload_conf()");
    if (mode == "on") Console.WriteLine(new FileInfo(ServerLog()).Length);
    return 0;
}

string ServerLog() => Path.Combine(dataDir, "server.log");

// Lines as log_line_prefix '%m [%p] %u: ' writes them: "... [123] minsheng_app: LOG:  execute <unnamed>: SELECT ..."
// or "... LOG:  statement: BEGIN". Continuation lines of a long statement start with a tab and are not counted.
int CountStatements(long offset)
{
    var pattern = new System.Text.RegularExpressions.Regex(@"\] (?<role>[^:\s]+): LOG:  (?:statement|execute [^:]*): (?<sql>.*)$");
    using var stream = new FileStream(ServerLog(), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    stream.Seek(offset, SeekOrigin.Begin);
    using var reader = new StreamReader(stream);
    var counts = new SortedDictionary<string, Dictionary<string, long>>();
    while (reader.ReadLine() is { } line)
    {
        var m = pattern.Match(line);
        if (!m.Success || m.Groups["role"].Value == "minsheng_owner") continue;
        var sql = System.Text.RegularExpressions.Regex.Replace(m.Groups["sql"].Value.Trim(), @"\s+", " ");
        if (sql.StartsWith("SET LOCAL ", StringComparison.OrdinalIgnoreCase)) sql = sql.Split('=')[0].Trim() + " = <tenant id>";
        if (sql.StartsWith("select set_config", StringComparison.OrdinalIgnoreCase)) sql = "select set_config(...) from json_array_elements($1)";
        if (sql.Length > 90) sql = sql[..90];
        if (!counts.TryGetValue(m.Groups["role"].Value, out var byStatement)) counts[m.Groups["role"].Value] = byStatement = new();
        byStatement[sql] = byStatement.GetValueOrDefault(sql) + 1;
    }
    var result = new JsonObject();
    foreach (var (role, byStatement) in counts)
        result[role] = new JsonObject
        {
            ["total"] = byStatement.Values.Sum(),
            ["statements"] = new JsonArray(byStatement.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => (JsonNode)new JsonObject { ["statement"] = kv.Key, ["calls"] = kv.Value }).ToArray()),
        };
    Console.WriteLine(result.ToJsonString());
    return 0;
}

static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
{
    await using var cmd = new NpgsqlCommand(sql, connection);
    await cmd.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
{
    await using var cmd = new NpgsqlCommand(sql, connection);
    return await cmd.ExecuteScalarAsync();
}

static Dictionary<string, int> Options(string[] rest)
{
    var options = new Dictionary<string, int>();
    for (var i = 0; i + 1 < rest.Length; i += 2)
        options[rest[i].TrimStart('-')] = int.Parse(rest[i + 1], CultureInfo.InvariantCulture);
    return options;
}
