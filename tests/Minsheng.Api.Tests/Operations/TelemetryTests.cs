using System.Net;
using System.Text;
using System.Text.Json;
using Minsheng.Api.Tests.Hosting;
using Minsheng.Data;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Operations;

/// <summary>
/// Issue 20 §5: the server, as deployed (its own process, Production), sends its traces and metrics over OTLP to a
/// collector — here one on loopback — and writes JSON logs whose trace id is the trace's: the caller's traceparent
/// runs through the request span, the GraphQL execution span and Npgsql's statement spans, and through the log line.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_request_is_one_trace_through_http_graphql_and_sql_and_its_log_lines_carry_the_trace_id()
    {
        var owner = await PostgresCluster.CreateDemoDatabaseAsync("otel");
        using var collector = OtlpCollector.Start();
        using var server = ServerProcess.Start(new()
        {
            ["ConnectionStrings__Minsheng"] = DatabaseSetup.AppConnectionString(owner),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "minsheng-telemetry-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), "Not ready:\n" + server.Output);

        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query Disclosure { publicDisclosure(regionCode: \"411302\") { regionCode name } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("411302", await response.Content.ReadAsStringAsync());

        var traceBytes = Convert.FromHexString(traceId);
        // The spans of one request may be exported in more than one batch (the request span ends after the GraphQL and
        // SQL spans, possibly after the batch holding them went out), so the trace is every traces body naming its id.
        var traces = await collector.WaitForAsync("/v1/traces", body => Contains(body, traceBytes),
            trace => Contains(trace, "query Disclosure") && Contains(trace, "postgresql") && Contains(trace, "url.path") && Contains(trace, "/graphql"));
        var metrics = await collector.WaitForAsync("/v1/metrics", body => Contains(body, "minsheng.graphql.execution.duration"), _ => true);
        await server.StopAsync();

        Assert.True(traces is not null, $"No trace with the request span, its GraphQL span and its SQL reached the collector; it got {collector.Summary()}");
        Assert.True(Contains(traces, "minsheng-telemetry-test"), "the service is named");
        Assert.True(Contains(traces, "Microsoft.AspNetCore") && Contains(traces, "url.path") && Contains(traces, "/graphql"), "ASP.NET Core's request span is in the trace");
        Assert.True(Contains(traces, "Minsheng.GraphQL"), "the GraphQL span comes from the endpoint's source");
        Assert.True(metrics is not null, $"No GraphQL metrics reached the collector; it got {collector.Summary()}");
        Assert.True(Contains(metrics, "http.server.request.duration"), "ASP.NET Core's request metrics");

        // The request's log lines are JSON, one per line, with the caller's trace id among their scopes.
        var requestLines = server.Output.Split('\n').Where(l => l.Contains(traceId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requestLines);
        foreach (var line in requestLines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
                s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        }
    }

    private static bool Contains(byte[]? body, string text) => Contains(body, Encoding.UTF8.GetBytes(text));

    private static bool Contains(byte[]? body, byte[] part) => body is not null && body.AsSpan().IndexOf(part) >= 0;

    /// <summary>A collector on loopback: takes OTLP over HTTP (protobuf) and keeps each body by its path.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, byte[] Body)> _received = [];

        public string Url { get; private init; } = "";

        public static OtlpCollector Start()
        {
            var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
            var collector = new OtlpCollector { Url = url };
            collector._listener.Prefixes.Add(url + "/");
            collector._listener.Start();
            _ = collector.AcceptAsync();
            return collector;
        }

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_received) _received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        /// <summary>
        /// The bodies posted to the path that each pass <paramref name="belongs"/>, joined, once together they pass
        /// <paramref name="complete"/>; waits up to fifteen seconds.
        /// </summary>
        public async Task<byte[]?> WaitForAsync(string path, Func<byte[], bool> belongs, Func<byte[], bool> complete)
        {
            for (var waited = 0; waited < 150; waited++)
            {
                byte[] joined;
                lock (_received)
                    joined = _received.Where(r => r.Path == path && belongs(r.Body)).SelectMany(r => r.Body).ToArray();
                if (joined.Length > 0 && complete(joined)) return joined;
                await Task.Delay(100);
            }
            return null;
        }

        public string Summary()
        {
            lock (_received) return string.Join(", ", _received.GroupBy(r => r.Path).Select(g => $"{g.Count()} posts to {g.Key}"));
        }

        public void Dispose() => _listener.Close();
    }
}
