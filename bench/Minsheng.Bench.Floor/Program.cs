// The floor of bench/run.sh: what the project page costs with no GraphQL at all. A minimal API that reads the
// X-Tenant header and sends BEGIN; SET LOCAL app.tenant_ids; one SELECT that builds the whole response with
// json_agg; COMMIT, as one batch (one round trip), with the same Npgsql settings as the application. The SELECT
// filters by tenant_id itself and runs under the same row-level security (the connection role is minsheng_app).
// The request body is read and ignored: the floor answers only this page.

using System.Collections.Frozen;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration["FLOOR_CONNECTION"]
    ?? throw new InvalidOperationException("FLOOR_CONNECTION is not set.");
var app = builder.Build();

// The same driver settings as the application's read path (Minsheng.Data): no DISCARD ALL when a connection
// returns to the pool, and statements prepared automatically after a few uses.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);

// region code -> tenant id, read once (tenants is shared reference data, readable by the app role).
var tenants = new Dictionary<string, Guid>();
await using (var open = await dataSource.OpenConnectionAsync())
await using (var cmd = new NpgsqlCommand("SELECT region_code, id FROM tenants", open))
await using (var reader = await cmd.ExecuteReaderAsync())
    while (await reader.ReadAsync()) tenants[reader.GetString(0).Trim()] = reader.GetGuid(1);
var tenantByCode = tenants.ToFrozenDictionary();

const string PageSql = """
    SELECT json_build_object('data', json_build_object('projects', json_build_object('edges', coalesce(json_agg(
        json_build_object('node', json_build_object(
            'name', p.name,
            'category', p.category_code,
            'leadUnit', (
                SELECT json_build_object('name', u.name)
                FROM project_units pu JOIN units u ON u.tenant_id = pu.tenant_id AND u.id = pu.unit_id
                WHERE pu.tenant_id = $1 AND pu.project_id = p.id AND pu.role = 'Lead'
                ORDER BY pu.position LIMIT 1),
            'indicators', (
                SELECT coalesce(json_agg(json_build_object('label', i.label, 'targetValue', trim_scale(i.target_value), 'unit', i.unit)
                                         ORDER BY i.position), '[]'::json)
                FROM indicators i
                WHERE i.tenant_id = $1 AND i.project_id = p.id),
            'latestReport', (
                SELECT json_build_object('period', to_char(r.period, 'YYYY-MM'), 'status', upper(r.status))
                FROM progress_reports r
                WHERE r.tenant_id = $1 AND r.project_id = p.id
                ORDER BY r.period DESC LIMIT 1)))
        ORDER BY p.sort_order, p.id), '[]'::json))))::text
    FROM (SELECT * FROM projects WHERE tenant_id = $1 ORDER BY sort_order, id LIMIT 20) p
    """;

app.MapGet("/health", () => Results.Text("ok"));
app.MapPost("/graphql", async (HttpContext context) =>
{
    // Drain the body like a real endpoint would.
    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);

    Guid? tenantId = null;
    if (context.Request.Headers.TryGetValue("X-Tenant", out var header) && header.Count > 0)
    {
        if (!tenantByCode.TryGetValue(header[0]!.Trim(), out var id))
            return Results.Json(new { errors = new[] { new { message = "unknown tenant" } } }, statusCode: 404);
        tenantId = id;
    }

    await using var db = await dataSource.OpenConnectionAsync(context.RequestAborted);
    await using var batch = new NpgsqlBatch(db);
    batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
    // SET LOCAL takes no parameter: the value is a parsed Guid, so inlining it is safe.
    if (tenantId is { } t) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL app.tenant_ids = '{t:D}'"));
    var select = new NpgsqlBatchCommand(PageSql);
    select.Parameters.Add(new NpgsqlParameter { Value = (object?)tenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
    batch.BatchCommands.Add(select);
    batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

    string? json = null;
    await using (var reader = await batch.ExecuteReaderAsync(context.RequestAborted))
    {
        do
        {
            while (await reader.ReadAsync(context.RequestAborted))
                if (reader.FieldCount == 1 && json is null && !reader.IsDBNull(0)) json = reader.GetString(0);
        } while (await reader.NextResultAsync(context.RequestAborted));
    }
    return Results.Text(json ?? """{"data":{"projects":{"edges":[]}}}""", "application/json; charset=utf-8");
});

app.Run();
