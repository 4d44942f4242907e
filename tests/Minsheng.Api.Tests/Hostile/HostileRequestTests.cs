using System.Text;
using Xunit.Abstractions;

namespace Minsheng.Api.Tests.Hostile;

/// <summary>
/// Issue #14 §1: hundreds of generated hostile requests against the Production configuration. The suite runs
/// once (in the fixture); each test checks one promise over all the answers and lists every request that
/// breaks it, with its category and a response excerpt, so one run shows everything.
/// </summary>
public sealed class HostileRequestTests(HostileSuite suite, ITestOutputHelper output) : IClassFixture<HostileSuite>
{
    private void Report(IEnumerable<HostileOutcome> failures, string promise)
    {
        output.WriteLine(suite.Summary());
        var list = failures.ToList();
        if (list.Count == 0) return;
        var text = $"{list.Count} of {suite.Outcomes.Count} hostile requests break the promise: {promise}\n" + HostileSuite.Describe(list);
        output.WriteLine(text);
        Assert.Fail(text);
    }

    [Fact]
    public void The_generator_is_deterministic_and_covers_every_category()
    {
        var again = new HostileRequestGenerator(suite.Ids).Generate();

        Assert.True(suite.Requests.Count >= 300, $"only {suite.Requests.Count} requests");
        Assert.Equal(suite.Requests.Count, again.Count);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(suite.Requests[i].Label, again[i].Label);
            Assert.True((suite.Requests[i].Body ?? []).AsSpan().SequenceEqual(again[i].Body ?? []), $"request {i} ({again[i].Label}) differs between two generations");
        }
        foreach (var category in HostileRequestGenerator.Categories)
            Assert.True(suite.Requests.Count(r => r.Category == category) >= 10, $"category {category} has fewer than 10 requests");
        // Roughly half the requests carry the tenant, so tenant-scoped paths are attacked too.
        var withTenant = suite.Requests.Count(r => r.Tenant == HostileRequestGenerator.OwnTenant);
        Assert.InRange(withTenant, suite.Requests.Count * 35 / 100, suite.Requests.Count * 65 / 100);
        // A request that itself contains a marker could have it echoed back: the leak check would be wrong.
        foreach (var request in suite.Requests)
        {
            var text = Encoding.Latin1.GetString(request.Body ?? []) + request.PathAndQuery;
            Assert.True(InternalMarkers.In(text).Count == 0, $"{request.Label} contains the marker(s) {string.Join(", ", InternalMarkers.In(text))}");
        }
        output.WriteLine(suite.Summary());
    }

    [Fact]
    public void No_hostile_request_gets_a_server_error() =>
        Report(suite.Outcomes.Where(o => o.ServerError), "no response >= 500, no escaped exception, an answer within the timeout");

    [Fact]
    public void No_response_leaks_internals() =>
        Report(suite.Outcomes.Where(o => o.Leaked), "no stack trace, exception, driver, SQL or namespace in any response body");

    [Fact]
    public void Every_hostile_request_is_refused_with_its_code() =>
        Report(suite.Outcomes.Where(o => o.Problems.Count > 0), "a 4xx (or an executed 200) with JSON errors, each with the expected extensions.code");

    [Fact]
    public void No_hostile_request_writes_anything()
    {
        var differences = suite.Before.Differences(suite.After);
        Report(suite.Outcomes.Where(o => o.WroteRows.Count > 0), "nothing written");
        Assert.True(differences.Count == 0, "tables changed over the suite: " + string.Join("; ", differences));
    }
}
