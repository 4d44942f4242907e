using System.Text;
using System.Text.Json;

namespace Minsheng.Api.Tests.Hostile;

/// <summary>The error codes of the endpoint's contract (issue #14).</summary>
public static class Codes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string TooComplex = "QUERY_TOO_COMPLEX";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string InvalidOperationName = "INVALID_OPERATION_NAME";

    /// <summary>
    /// The statuses each code may come with when the client accepts application/graphql-response+json:
    /// request-level refusals have their own 4xx; a document refused before execution is a 400; an error
    /// raised while executing comes in a 200 (the document ran). NOT_FOUND is also the tenant middleware's 404.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int[]> Statuses = new Dictionary<string, int[]>
    {
        [BadRequest] = [400],
        [MethodNotAllowed] = [405],
        [UnsupportedMediaType] = [415],
        [NotAcceptable] = [406],
        [RequestTooLarge] = [413],
        [ParseFailed] = [400],
        [ValidationFailed] = [400],
        [TooComplex] = [400],
        [BadUserInput] = [200, 400],
        [NotFound] = [200, 400, 404],
        [Forbidden] = [200, 403],
        [Unauthenticated] = [200, 401],
        [PersistedQueryNotFound] = [400, 404],
        [InvalidOperationName] = [400],
    };
}

/// <summary>
/// What a hostile request must get back. <see cref="Codes"/> lists every code its errors may carry (more
/// than one only where the categorization is genuinely ambiguous, see <see cref="Why"/>); <see cref="Statuses"/>
/// narrows the statuses further than the codes do. <see cref="Success"/> names the rare successful answer
/// that is acceptable, e.g. a byte mutation that happened to leave the request valid.
/// </summary>
public sealed record Expectation(string[] Codes, int[]? Statuses = null, SuccessRule Success = SuccessRule.Never, bool BodyMayBeEmpty = false, string? Why = null)
{
    public static Expectation Of(params string[] codes) => new(codes);

    public Expectation WithStatus(params int[] statuses) => this with { Statuses = statuses };

    public Expectation Or(params string[] codes) => this with { Codes = [.. Codes, .. codes] };
}

public enum SuccessRule
{
    Never,
    /// <summary>A byte mutation that kept the request valid: a 200 without errors is fine, and counted apart.</summary>
    KeptValid,
    /// <summary>
    /// A read of another tenant's object, or of an id no type answers to: the field is null and no error is
    /// raised, exactly as for an object that does not exist, so the answer does not tell which ids exist elsewhere.
    /// </summary>
    NullAsIfMissing,
    /// <summary>importPlan may refuse a document in its payload (succeeded: false with import errors) instead of a GraphQL error.</summary>
    ImportRefusedInPayload,
}

/// <summary>One generated request: how to send it, and what must come back.</summary>
public sealed record HostileRequest(
    string Category,
    string Label,
    string Method,
    string PathAndQuery,
    byte[]? Body,
    string? ContentType,
    string? Accept,
    string? Tenant,
    Expectation Expect,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>Could change rows in place if it were wrongly accepted (the body or the URL holds a mutation).</summary>
    public bool IsMutation => PathAndQuery.Contains("mutation", StringComparison.Ordinal)
        || (Body is not null && Encoding.Latin1.GetString(Body).Contains("mutation", StringComparison.Ordinal));

    /// <summary>A short printable view: control characters, invalid UTF-8 and non-ASCII bytes escaped.</summary>
    public string Excerpt(int max = 160)
    {
        var text = Method + " " + Printable(Encoding.Latin1.GetBytes(PathAndQuery), 60);
        if (Body is not null) text += $" body({Body.Length} B)={Printable(Body, max)}";
        if (ContentType is not null) text += $" ct={ContentType}";
        if (Accept != GraphQLResponse) text += $" accept={Accept ?? "(none)"}";
        text += Tenant is null ? " tenant=(none)" : $" tenant={Tenant}";
        return text;
    }

    public static string Printable(ReadOnlySpan<byte> bytes, int max)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, max)])
            sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        if (bytes.Length > max) sb.Append('…');
        return sb.ToString();
    }
}

/// <summary>What came back for one request, and what was wrong with it.</summary>
public sealed record HostileOutcome(HostileRequest Request, int Status, string Body, TimeSpan Elapsed, IReadOnlyList<string> WroteRows)
{
    public List<string> Problems { get; } = [];

    /// <summary>Status ≥ 500, an exception out of the server, or no answer in time.</summary>
    public bool ServerError { get; set; }

    public bool Leaked { get; set; }

    public bool KeptValid { get; set; }

    public IReadOnlyList<string> ErrorCodes { get; set; } = [];

    public string ResponseExcerpt(int max = 240) => Body.Length <= max ? Body : Body[..max] + "…";
}

/// <summary>What a response body must never show: stack frames, exception and driver names, SQL details, code namespaces.</summary>
public static class InternalMarkers
{
    public static readonly IReadOnlyList<string> All =
        ["   at ", ".cs:line", "Exception", "Npgsql", "SqlState", "sqlState", "routine", "Minsheng.", "System.", "postgres", "pg_", "stack"];

    // Matched without regard to case: "Postgres" and "StackTrace" leak as much as their lower-case forms.
    private static readonly HashSet<string> CaseInsensitive = ["postgres", "stack"];

    public static IReadOnlyList<string> In(string text) =>
        [.. All.Where(m => text.Contains(m, CaseInsensitive.Contains(m) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))];
}

/// <summary>Reads a response body: is it JSON with errors, and which codes do they carry.</summary>
internal static class ResponseBody
{
    public static bool TryParse(string body, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }
}
