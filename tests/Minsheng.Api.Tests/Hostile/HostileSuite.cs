using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Minsheng.Api.Tests.Hostile;

/// <summary>
/// Sends every generated request once, one after another, to the Production server and judges each answer;
/// the tests read the verdicts. After each request the tables are compared with the snapshot before it, so
/// a write is pinned on the request that made it.
/// </summary>
public sealed class HostileSuite : IAsyncLifetime
{
    /// <summary>Generous: even a megabyte document must be answered well within it; a hung request is a failure, not a wait.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HostileApiFactory _factory = new();

    public KnownIds Ids { get; private set; } = null!;
    public IReadOnlyList<HostileRequest> Requests { get; private set; } = [];
    public IReadOnlyList<HostileOutcome> Outcomes { get; private set; } = [];
    public TableSnapshot Before { get; private set; } = null!;
    public TableSnapshot After { get; private set; } = null!;
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.Timeout = Timeout.InfiniteTimeSpan;
        Ids = await ReadKnownIdsAsync(http);
        Requests = new HostileRequestGenerator(Ids).Generate();
        // HOSTILE_ONLY=<text> sends only the requests whose label contains it: for looking into one finding.
        if (Environment.GetEnvironmentVariable("HOSTILE_ONLY") is { Length: > 0 } only)
            Requests = [.. Requests.Where(r => r.Label.Contains(only, StringComparison.OrdinalIgnoreCase))];

        var clock = Stopwatch.StartNew();
        Before = await _factory.SnapshotAsync();
        var previous = Before;
        var outcomes = new List<HostileOutcome>(Requests.Count);
        // HOSTILE_TRACE=<file> logs each request as it goes, to find the one a hung run is stuck on.
        var trace = Environment.GetEnvironmentVariable("HOSTILE_TRACE");
        foreach (var request in Requests)
        {
            if (trace is not null) await File.AppendAllTextAsync(trace, $"{DateTime.Now:HH:mm:ss.fff} {request.Category} {request.Label}\n");
            var started = Stopwatch.GetTimestamp();
            var (status, body, failure) = await SendAsync(http, request);
            var elapsed = Stopwatch.GetElapsedTime(started);
            // Counting is cheap; digesting every row is not, and only a mutation can change a row in place
            // (the final comparison digests everything anyway).
            var now = await _factory.SnapshotAsync(withDigests: request.IsMutation);
            if (!request.IsMutation) now = now.WithDigestsOf(previous);
            var outcome = new HostileOutcome(request, status, body, elapsed, previous.Differences(now));
            previous = now;
            Judge(outcome, failure);
            outcomes.Add(outcome);
        }
        After = await _factory.SnapshotAsync();
        Elapsed = clock.Elapsed;
        Outcomes = outcomes;
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)_factory).DisposeAsync();

    /// <summary>Ids and cursors of 411302 (own) and 411303 (other), read with ordinary valid queries.</summary>
    private static async Task<KnownIds> ReadKnownIdsAsync(HttpClient http)
    {
        var own = await QueryAsync(http, HostileRequestGenerator.OwnTenant, """
            { plans { id } units { id }
              bySequence: projects(first: 1) { edges { cursor node { id } } }
              byName: projects(first: 1, orderBy: NAME) { edges { cursor } }
              byDeadline: projects(first: 1, orderBy: DEADLINE) { edges { cursor } } }
            """);
        var other = await QueryAsync(http, HostileRequestGenerator.OtherTenant, "{ plans { id } units { id } projects(first: 1) { nodes { id } } }");
        static string Cursor(JsonElement data, string field) => data.GetProperty(field).GetProperty("edges")[0].GetProperty("cursor").GetString()!;
        return new KnownIds(
            OwnPlanId: own.GetProperty("plans")[0].GetProperty("id").GetString()!,
            OwnProjectId: own.GetProperty("bySequence").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString()!,
            OwnUnitId: own.GetProperty("units")[0].GetProperty("id").GetString()!,
            SequenceCursor: Cursor(own, "bySequence"),
            NameCursor: Cursor(own, "byName"),
            DeadlineCursor: Cursor(own, "byDeadline"),
            OtherPlanId: other.GetProperty("plans")[0].GetProperty("id").GetString()!,
            OtherProjectId: other.GetProperty("projects").GetProperty("nodes")[0].GetProperty("id").GetString()!,
            OtherUnitId: other.GetProperty("units")[0].GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> QueryAsync(HttpClient http, string tenant, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent(JsonSerializer.Serialize(new { query })) };
        request.Headers.Add(TestTenantHeaderStrategy.HeaderName, tenant);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(text).RootElement.Clone();
        if (!response.IsSuccessStatusCode || root.TryGetProperty("errors", out _))
            throw new InvalidOperationException($"Reading the demo ids as {tenant} failed: {(int)response.StatusCode} {text}");
        return root.GetProperty("data");
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(int Status, string Body, string? Failure)> SendAsync(HttpClient http, HostileRequest request)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        // The in-process server runs synchronous work (parsing, validation) on the caller's thread before its
        // first await, so the cancellation token alone cannot stop a request that spins: the send runs on the
        // thread pool and is abandoned when it overruns (its server work may go on burning a core).
        var send = Task.Run(async () =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                // Unvalidated: malformed content types are part of the attack.
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            if (request.Accept is not null) message.Headers.TryAddWithoutValidation("Accept", request.Accept);
            if (request.Tenant is not null) message.Headers.TryAddWithoutValidation(TestTenantHeaderStrategy.HeaderName, request.Tenant);
            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>()) message.Headers.TryAddWithoutValidation(name, value);
            using var response = await http.SendAsync(message, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        });
        if (await Task.WhenAny(send, Task.Delay(RequestTimeout + TimeSpan.FromSeconds(1))) != send)
            return (0, "", $"no answer within {RequestTimeout.TotalSeconds:0} s");
        try
        {
            var (status, body) = await send;
            return (status, body, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (0, "", $"no answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            // The in-process test server hands an exception the application let escape to the client,
            // where a real server would have answered 500.
            var inner = e.GetBaseException();
            var text = inner.Message.Length > 200 ? inner.Message[..200] + "…" : inner.Message;
            return (500, "", $"the server let {inner.GetType().Name} escape (a 500 behind a real server): {text}");
        }
    }

    /// <summary>Every rule of the contract that one response can break, each noted as a problem.</summary>
    public static void Judge(HostileOutcome outcome, string? transportFailure)
    {
        var request = outcome.Request;
        var expect = request.Expect;
        if (transportFailure is not null)
        {
            outcome.ServerError = true;
            outcome.Problems.Add(transportFailure);
        }
        else if (outcome.Status >= 500)
        {
            outcome.ServerError = true;
            outcome.Problems.Add($"status {outcome.Status}");
        }

        var leaks = InternalMarkers.In(outcome.Body);
        if (leaks.Count > 0)
        {
            outcome.Leaked = true;
            outcome.Problems.Add("leaks " + string.Join(", ", leaks.Select(m => $"'{m}'")));
        }
        if (outcome.WroteRows.Count > 0) outcome.Problems.Add("wrote: " + string.Join("; ", outcome.WroteRows));
        if (transportFailure is not null) return;

        var parsed = ResponseBody.TryParse(outcome.Body, out var root) && root.ValueKind == JsonValueKind.Object;
        var hasErrors = parsed && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;

        // The few successful answers a category allows.
        if (parsed && !hasErrors && outcome.Status == 200)
        {
            if (expect.Success == SuccessRule.KeptValid)
            {
                outcome.KeptValid = true;
                return;
            }
            if (expect.Success == SuccessRule.NullAsIfMissing && root.TryGetProperty("data", out var answer) && answer.ValueKind == JsonValueKind.Object
                && answer.EnumerateObject().All(field => field.Value.ValueKind == JsonValueKind.Null))
                return;
            if (expect.Success == SuccessRule.ImportRefusedInPayload && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("importPlan", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.GetProperty("succeeded").ValueKind == JsonValueKind.False)
                return;
        }

        if (outcome.Body.Length == 0 && expect.BodyMayBeEmpty)
        {
            if (expect.Statuses is { } only && !only.Contains(outcome.Status)) outcome.Problems.Add($"status {outcome.Status}, expected {string.Join('/', only)}");
            return;
        }
        if (!parsed)
        {
            outcome.Problems.Add($"status {outcome.Status} with a body that is not a JSON object");
            return;
        }
        if (!hasErrors)
        {
            outcome.Problems.Add($"status {outcome.Status} without errors, expected {string.Join(" or ", expect.Codes)}");
            return;
        }

        var codes = new List<string>();
        foreach (var error in root.GetProperty("errors").EnumerateArray())
        {
            var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                && extensions.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (string.IsNullOrEmpty(code)) outcome.Problems.Add("an error without extensions.code");
            else codes.Add(code);
        }
        outcome.ErrorCodes = codes;
        var unexpected = codes.Distinct().Where(c => !expect.Codes.Contains(c)).ToList();
        if (unexpected.Count > 0)
            outcome.Problems.Add($"code {string.Join(", ", unexpected)} (status {outcome.Status}), expected {string.Join(" or ", expect.Codes)}");
        else
        {
            foreach (var code in codes.Distinct())
                if (Codes.Statuses.TryGetValue(code, out var statuses) && !statuses.Contains(outcome.Status))
                    outcome.Problems.Add($"status {outcome.Status} does not go with {code} (expected {string.Join('/', statuses)})");
        }
        if (expect.Statuses is { } allowed && !allowed.Contains(outcome.Status) && unexpected.Count == 0)
            outcome.Problems.Add($"status {outcome.Status}, expected {string.Join('/', allowed)}");
    }

    // ---- the report ----

    /// <summary>Counts per category and status, for the issue note.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Hostile suite: {Outcomes.Count} requests in {Elapsed.TotalSeconds:0.0} s ({Outcomes.Sum(o => o.Elapsed.TotalSeconds):0.0} s waiting for answers, the rest snapshotting the tables) against the Production configuration.");
        sb.AppendLine($"  responses >= 500 (or escaped exceptions, or no answer): {Outcomes.Count(o => o.ServerError)}");
        sb.AppendLine($"  responses leaking internals: {Outcomes.Count(o => o.Leaked)}");
        sb.AppendLine($"  requests that wrote rows: {Outcomes.Count(o => o.WroteRows.Count > 0)}; tables before/after equal: {!Before.Differences(After).Any()}");
        sb.AppendLine($"  requests refused as the contract says: {Outcomes.Count(o => o.Problems.Count == 0 && !o.KeptValid)}; byte mutations that stayed valid: {Outcomes.Count(o => o.KeptValid)}; failing: {Outcomes.Count(o => o.Problems.Count > 0)}");
        sb.AppendLine($"  with tenant 411302: {Outcomes.Count(o => o.Request.Tenant == HostileRequestGenerator.OwnTenant)}, without a tenant: {Outcomes.Count(o => o.Request.Tenant is null)}, other tenant values: {Outcomes.Count(o => o.Request.Tenant is not null && o.Request.Tenant != HostileRequestGenerator.OwnTenant)}");
        sb.AppendLine();
        sb.AppendLine($"  {"category",-32} {"sent",5} {"ok",5} {"valid",5} {"fail",5} {">=500",5} {"leak",5}  statuses");
        foreach (var group in Outcomes.GroupBy(o => o.Request.Category))
        {
            var statuses = string.Join(" ", group.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            sb.AppendLine($"  {group.Key,-32} {group.Count(),5} {group.Count(o => o.Problems.Count == 0 && !o.KeptValid),5} {group.Count(o => o.KeptValid),5} {group.Count(o => o.Problems.Count > 0),5} {group.Count(o => o.ServerError),5} {group.Count(o => o.Leaked),5}  {statuses}");
        }
        sb.AppendLine($"  all statuses: {string.Join(" ", Outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
        sb.AppendLine($"  error codes seen: {string.Join(" ", Outcomes.SelectMany(o => o.ErrorCodes.Distinct()).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}×{g.Count()}"))}");
        sb.AppendLine($"  slowest: {string.Join("; ", Outcomes.OrderByDescending(o => o.Elapsed).Take(5).Select(o => $"{o.Request.Label} {o.Elapsed.TotalMilliseconds:0} ms"))}");
        sb.AppendLine($"  rows before: {Before.Counts}");
        return sb.ToString();
    }

    /// <summary>One line per failing request: category, request, status, response excerpt, what is wrong.</summary>
    public static string Describe(IEnumerable<HostileOutcome> failures)
    {
        var sb = new StringBuilder();
        foreach (var o in failures)
        {
            sb.AppendLine($"[{o.Request.Category}] {o.Request.Label}: {string.Join("; ", o.Problems)}");
            sb.AppendLine($"    request:  {o.Request.Excerpt()}");
            sb.AppendLine($"    response: {o.Status} {o.ResponseExcerpt()}");
        }
        return sb.ToString();
    }
}
