using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using static Minsheng.Api.Tests.Hostile.Codes;

namespace Minsheng.Api.Tests.Hostile;

/// <summary>
/// Real ids and cursors of the demo data, read before the suite: the hostile requests use them to reach
/// code behind the id checks (another tenant's objects, cursors of another ordering).
/// </summary>
public sealed record KnownIds(
    string OwnPlanId, string OwnProjectId, string OwnUnitId,
    string SequenceCursor, string NameCursor, string DeadlineCursor,
    string OtherPlanId, string OtherProjectId, string OtherUnitId);

/// <summary>
/// The hostile requests of issue #14 §1, generated deterministically: every random choice comes from a
/// <see cref="Random"/> with a fixed seed per category, so two runs send the same bytes (up to the demo ids).
/// About half the requests carry the tenant 411302; those that need a tenant to mean anything (another
/// tenant's ids, mutations that could write) always do.
/// </summary>
public sealed class HostileRequestGenerator(KnownIds ids)
{
    public const string OwnTenant = "411302";
    public const string OtherTenant = "411303";

    public const string ByteMutation = "byte-mutation";
    public const string InvalidUtf8 = "invalid-utf8";
    public const string NulAndSurrogates = "nul-and-lone-surrogates";
    public const string Huge = "huge-strings-lists-numbers";
    public const string DeepNesting = "deep-nesting";
    public const string Bombs = "alias-fragment-directive-bombs";
    public const string BodyShape = "batch-and-body-shape";
    public const string ContentType = "content-type-and-accept";
    public const string Methods = "methods-and-get";
    public const string BadVariables = "bad-variables";
    public const string BadIds = "bad-ids-and-tenants";
    public const string BadCursors = "bad-cursors";
    public const string BadMutations = "bad-mutation-input";

    public static readonly IReadOnlyList<string> Categories =
        [ByteMutation, InvalidUtf8, NulAndSurrogates, Huge, DeepNesting, Bombs, BodyShape, ContentType, Methods, BadVariables, BadIds, BadCursors, BadMutations];

    private const string Json = "application/json";
    private const string GraphQLResponse = HostileRequest.GraphQLResponse;

    // Non-ASCII stays raw UTF-8 in the bodies (as real clients send Chinese text); control characters are still escaped.
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A request refused before anything could be read or run: the body or the URL is unusable.
    private static readonly Expectation Unreadable = Expectation.Of(BadRequest).WithStatus(400);

    // An argument value the resolver must refuse; 200 when the document ran, 400 when refused at validation.
    private static readonly Expectation BadValue = Expectation.Of(BadUserInput);

    // A literal of the wrong type or out of range: the GraphQL spec calls it a validation error, the contract
    // a bad argument value, so either code is accepted.
    private static readonly Expectation BadLiteral = Expectation.Of(BadUserInput, ValidationFailed) with { Why = "a literal of the wrong type is a validation error by the spec, bad input by the contract" };

    // An id that is malformed, of another type, or not the tenant's: refused as bad input or not found.
    private static readonly Expectation BadId = Expectation.Of(BadUserInput, NotFound);

    // A variable the declared type cannot take: refused before execution.
    private static readonly Expectation BadVariable = Expectation.Of(BadUserInput).WithStatus(400);

    private readonly List<HostileRequest> _requests = [];
    private int _alternate;

    public IReadOnlyList<HostileRequest> Generate()
    {
        _requests.Clear();
        _alternate = 0;
        AddByteMutations();
        AddInvalidUtf8();
        AddNulAndSurrogates();
        AddHuge();
        AddDeepNesting();
        AddBombs();
        AddBodyShapes();
        AddContentTypes();
        AddMethods();
        AddBadVariables();
        AddBadIds();
        AddBadCursors();
        AddBadMutations();
        return [.. _requests];
    }

    /// <summary>Every other request carries the tenant; the rest come without one.</summary>
    private string? Alternate() => _alternate++ % 2 == 0 ? OwnTenant : null;

    // ---- building blocks ----

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Body(string query, object? variables = null, string? operationName = null)
    {
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (variables is not null) body["variables"] = variables;
        if (operationName is not null) body["operationName"] = operationName;
        return JsonSerializer.SerializeToUtf8Bytes(body, BodyJson);
    }

    /// <summary>Bytes of <paramref name="template"/> with <paramref name="insert"/> where the template says %%.</summary>
    private static byte[] Splice(string template, ReadOnlySpan<byte> insert)
    {
        var at = template.IndexOf("%%", StringComparison.Ordinal);
        return [.. Utf8(template[..at]), .. insert, .. Utf8(template[(at + 2)..])];
    }

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private void Add(string category, string label, string method, string pathAndQuery, byte[]? body, string? contentType, string? accept, string? tenant, Expectation expect,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        // A mutation sent without a tenant may be refused for that before its input is looked at.
        if (tenant is null && body is not null && Encoding.Latin1.GetString(body).Contains("mutation", StringComparison.Ordinal) && !expect.Codes.Contains(Forbidden))
            expect = expect.Or(Forbidden, Unauthenticated);
        // Without a tenant the caller is anonymous: a well-formed document that selects tenant data is told to sign in
        // (401) before it runs; a malformed one still gets its own code, which is reported first.
        if (tenant is null && !expect.Codes.Contains(Unauthenticated))
            expect = expect.Or(Unauthenticated) with { Statuses = expect.Statuses is null ? null : [.. expect.Statuses, 401] };
        _requests.Add(new HostileRequest(category, label, method, pathAndQuery, body, contentType, accept, tenant, expect, headers));
    }

    private void Post(string category, string label, byte[] body, Expectation expect, string? tenant, string? contentType = Json, string? accept = GraphQLResponse) =>
        Add(category, label, "POST", "/graphql", body, contentType, accept, tenant, expect);

    private void Query(string category, string label, string query, Expectation expect, string? tenant, object? variables = null) =>
        Post(category, label, Body(query, variables), expect, tenant);

    private void Get(string category, string label, string queryString, Expectation expect, string? tenant, string? accept = GraphQLResponse) =>
        Add(category, label, "GET", "/graphql?" + queryString, null, null, accept, tenant, expect);

    private static string Q(string query) => "query=" + Uri.EscapeDataString(query);

    // ---- categories ----

    /// <summary>One byte flipped, inserted or deleted in a valid query body (some of them breaking the UTF-8).</summary>
    private void AddByteMutations()
    {
        string[] valid =
        [
            """{"query":"{ tenant { name regionCode level } }"}""",
            """{"query":"query P($n: Int) { projects(first: $n) { totalCount edges { cursor node { id name } } } }","variables":{"n":3}}""",
            """{"query":"{ units(search: \"局\") { id name aliases } }"}""",
            """{"query":"query($f: ProjectFilter) { projects(first: 5, filter: $f) { nodes { name deadline { text } } } }","variables":{"f":{"search":"改造","topLevelOnly":true}},"operationName":null}""",
            """{"query":"{ plans { id year title projects { name sequence } } }"}""",
            """{"query":"{ regions { code name level } }"}""",
        ];
        byte[][] breakers = [[0x80], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xE4, 0xB8]];
        var expect = Expectation.Of(BadRequest, ParseFailed, ValidationFailed, BadUserInput) with
        {
            Success = SuccessRule.KeptValid,
            Why = "a mutation may break the JSON, the UTF-8, the GraphQL syntax, the document or a variable, or leave the request valid",
        };
        var random = new Random(1401);
        for (var i = 0; i < 84; i++)
        {
            var original = Utf8(valid[i % valid.Length]);
            var at = random.Next(original.Length);
            byte[] mutated;
            string label;
            switch (random.Next(4))
            {
                case 0:
                    var value = (byte)random.Next(256);
                    if (value == original[at]) value ^= 0x01;
                    mutated = [.. original];
                    mutated[at] = value;
                    label = $"base {i % valid.Length}: byte {at} 0x{original[at]:X2} flipped to 0x{value:X2}";
                    break;
                case 1:
                    var inserted = (byte)random.Next(256);
                    mutated = [.. original[..at], inserted, .. original[at..]];
                    label = $"base {i % valid.Length}: 0x{inserted:X2} inserted at {at}";
                    break;
                case 2:
                    mutated = [.. original[..at], .. original[(at + 1)..]];
                    label = $"base {i % valid.Length}: byte {at} (0x{original[at]:X2}) deleted";
                    break;
                default:
                    var breaker = breakers[random.Next(breakers.Length)];
                    mutated = [.. original[..at], .. breaker, .. original[at..]];
                    label = $"base {i % valid.Length}: invalid UTF-8 {Convert.ToHexString(breaker)} inserted at {at}";
                    break;
            }
            Post(ByteMutation, label, mutated, expect, Alternate());
        }
    }

    /// <summary>Malformed UTF-8 inside the JSON strings of the query, the variables, the operation name or a key.</summary>
    private void AddInvalidUtf8()
    {
        (string Name, byte[] Bytes)[] sequences =
        [
            ("overlong '/' C0 AF", [0xC0, 0xAF]), ("overlong NUL C0 80", [0xC0, 0x80]), ("overlong 3-byte E0 80 AF", [0xE0, 0x80, 0xAF]),
            ("overlong 4-byte F0 80 80 AF", [0xF0, 0x80, 0x80, 0xAF]), ("overlong C1 BF", [0xC1, 0xBF]),
            ("lone continuation 80", [0x80]), ("lone continuation BF", [0xBF]), ("continuations 80 80 80", [0x80, 0x80, 0x80]),
            ("truncated 2-byte C3", [0xC3]), ("truncated 3-byte E4 B8", [0xE4, 0xB8]), ("truncated 4-byte F0 9F 98", [0xF0, 0x9F, 0x98]),
            ("byte FF", [0xFF]), ("byte FE", [0xFE]), ("FE FF", [0xFE, 0xFF]),
            ("surrogate D800 as ED A0 80", [0xED, 0xA0, 0x80]), ("surrogate DFFF as ED BF BF", [0xED, 0xBF, 0xBF]),
            ("CESU-8 pair ED A0 BD ED B8 80", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]), ("above U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]),
            ("5-byte form F8 88 80 80 80", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ];
        (string Where, string Template, bool Writes)[] places =
        [
            ("in a query string argument", """{"query":"{ units(search: \"a%%b\") { name } }"}""", false),
            ("in the query text outside strings", """{"query":"{ tenant%% { name } }"}""", false),
            ("in a String variable", """{"query":"query($s: String) { units(search: $s) { name } }","variables":{"s":"x%%y"}}""", false),
            ("in a filter variable", """{"query":"query($f: ProjectFilter) { projects(filter: $f) { totalCount } }","variables":{"f":{"search":"%%"}}}""", false),
            ("in the operationName", """{"query":"query A { tenant { name } }","operationName":"A%%"}""", false),
            ("in a JSON key", """{"query":"{ tenant { name } }","vari%%ables":{}}""", false),
            ("in a createUnit name variable", """{"query":"mutation($n: String!) { createUnit(input: {name: $n}) { id } }","variables":{"n":"局%%"}}""", true),
            ("in an updateProject name literal", $$"""{"query":"mutation { updateProject(input: {id: \"{{ids.OwnProjectId}}\", name: \"名%%\"}) { id } }"}""", true),
        ];
        var random = new Random(1402);
        foreach (var (name, bytes) in sequences)
        {
            var first = random.Next(places.Length);
            var second = (first + 1 + random.Next(places.Length - 1)) % places.Length;
            foreach (var place in new[] { places[first], places[second] })
                Post(InvalidUtf8, $"{name} {place.Where}", Splice(place.Template, bytes), Unreadable, place.Writes ? OwnTenant : Alternate());
        }
    }

    /// <summary>NUL and lone surrogates, as GraphQL escapes, as JSON escapes, in arguments, variables and mutation inputs.</summary>
    private void AddNulAndSurrogates()
    {
        const string c = NulAndSurrogates;
        // GraphQL spec (2021): an escaped lone surrogate is not a valid string, so a parse error is acceptable too.
        var loneEscape = BadValue.Or(ParseFailed) with { Why = "a lone surrogate escape is a syntax error by the spec, bad input by the contract" };
        // A raw control character in the document is a syntax error; refusing the value is fine too.
        var rawNul = Expectation.Of(ParseFailed, BadUserInput) with { Why = "a raw NUL in the document is a syntax error, or a bad value" };
        // A JSON escape that decodes to a lone surrogate: the body is not Unicode text (unreadable) or the value is bad.
        var jsonLone = Expectation.Of(BadRequest, BadUserInput, ParseFailed) with { Why = "a JSON \\ud800 makes the body's text invalid Unicode, or the value bad" };

        Query(c, "GraphQL \\u0000 in units(search:)", """{ units(search: "a\u0000b") { name } }""", BadValue, Alternate());
        Query(c, "raw NUL in units(search:) via JSON \\u0000", "{ units(search: \"a\0b\") { name } }", rawNul, Alternate());
        Query(c, "GraphQL \\ud800 in units(search:)", """{ units(search: "\ud800") { name } }""", loneEscape, Alternate());
        Post(c, "JSON \\ud800 in units(search:)", Utf8("""{"query":"{ units(search: \"x\ud800\") { name } }"}"""), jsonLone, Alternate());
        Query(c, "GraphQL \\udc00 in units(search:)", """{ units(search: "\udc00x") { name } }""", loneEscape, Alternate());
        Query(c, "GraphQL \\u0000 in filter.search", """{ projects(filter: {search: "改造\u0000"}) { totalCount } }""", BadValue, Alternate());
        Query(c, "GraphQL \\u0000 in filter.category", """{ projects(filter: {category: "\u0000"}) { totalCount } }""", BadValue, Alternate());
        Query(c, "GraphQL \\ud83d (high half only) in filter.search", """{ projects(filter: {search: "\ud83d"}) { totalCount } }""", loneEscape, Alternate());
        Query(c, "GraphQL \\u0000 in regions(parentCode:)", """{ regions(parentCode: "41\u00000") { name } }""", BadValue, Alternate());
        Query(c, "GraphQL \\u0000 as plan id", """{ plan(id: "\u0000") { title } }""", BadId, Alternate());
        Query(c, "JSON \\u0000 in a String variable", "query($s: String) { units(search: $s) { name } }", BadValue, Alternate(), new { s = "a\0b" });
        Post(c, "JSON \\ud800 in a String variable", Utf8("""{"query":"query($s: String) { units(search: $s) { name } }","variables":{"s":"\ud800"}}"""), jsonLone, Alternate());
        Query(c, "JSON \\u0000 in a filter variable", "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }", BadValue, Alternate(), new { f = new { search = "\0" } });
        Post(c, "JSON \\udfff\\ud800 (reversed pair) in a String variable", Utf8("""{"query":"query($s: String) { units(search: $s) { name } }","variables":{"s":"\udfff\ud800"}}"""), jsonLone, Alternate());
        Post(c, "JSON \\u0000 in the operationName", Utf8("""{"query":"query A { tenant { name } }","operationName":"A\u0000"}"""),
            Expectation.Of(BadRequest, BadUserInput, ValidationFailed, InvalidOperationName) with { Why = "no operation has that name: GraphQL.NET's own code for it, or a bad request" }, Alternate());
        Post(c, "JSON \\u0000 in a variable's name", Utf8("""{"query":"query($s: String) { units(search: $s) { name } }","variables":{"s\u0000":"x"}}"""), BadVariable, Alternate());

        // Mutation inputs: refused, and nothing written.
        var own = OwnTenant;
        Query(c, "createUnit name with GraphQL \\u0000", """mutation { createUnit(input: {name: "局\u0000"}) { id } }""", BadValue, own);
        Query(c, "createUnit name with JSON \\u0000 (variable)", "mutation($n: String!) { createUnit(input: {name: $n}) { id } }", BadValue, own, new { n = "局\0" });
        Post(c, "createUnit name with JSON \\ud800 (variable)", Utf8("""{"query":"mutation($n: String!) { createUnit(input: {name: $n}) { id } }","variables":{"n":"\ud800局"}}"""), jsonLone, own);
        Query(c, "createUnit alias with GraphQL \\u0000", """mutation { createUnit(input: {name: "审计局甲", aliases: ["\u0000"]}) { id } }""", BadValue, own);
        Query(c, "createPlan title with GraphQL \\u0000", """mutation { createPlan(input: {year: 2025, title: "计划\u0000"}) { id } }""", BadValue, own);
        Query(c, "updateProject name with GraphQL \\u0000", $$"""mutation { updateProject(input: {id: "{{ids.OwnProjectId}}", name: "a\u0000b"}) { id } }""", BadValue, own);
        Query(c, "updateProject content with GraphQL \\ud800", $$"""mutation { updateProject(input: {id: "{{ids.OwnProjectId}}", content: "\ud800"}) { id } }""", loneEscape, own);
        Query(c, "updatePlan title with GraphQL \\u0000", $$"""mutation { updatePlan(input: {id: "{{ids.OwnPlanId}}", title: "\u0000"}) { id } }""", BadValue, own);
        Query(c, "createProject name with GraphQL \\udc00", $$"""mutation { createProject(input: {planId: "{{ids.OwnPlanId}}", sequence: "99", name: "\udc00"}) { id } }""", loneEscape, own);
        Query(c, "updateUnit name with GraphQL \\u0000", $$"""mutation { updateUnit(input: {id: "{{ids.OwnUnitId}}", name: "\u0000"}) { id } }""", BadValue, own);
        Query(c, "createIndicator label with GraphQL \\u0000", $$"""mutation { createIndicator(input: {projectId: "{{ids.OwnProjectId}}", label: "\u0000", comparator: EXACTLY, targetValue: 1, unit: "户"}) { id } }""", BadValue, own);
        Query(c, "createMilestone text with GraphQL \\u0000", $$"""mutation { createMilestone(input: {projectId: "{{ids.OwnProjectId}}", due: {date: "2024-06-30"}, text: "a\u0000"}) { id } }""", BadValue, own);
        Query(c, "createUnit name with GraphQL \\u0000, no tenant", """mutation { createUnit(input: {name: "局\u0000"}) { id } }""", BadValue, null);
        Query(c, "importPlan fileName with GraphQL \\u0000", """mutation { importPlan(input: {fileName: "a\u0000.txt", contentBase64: "YQ=="}) { succeeded errors { code } } }""",
            BadValue with { Success = SuccessRule.ImportRefusedInPayload }, own);
    }

    /// <summary>Megabyte documents, 200 KB strings, 100,000-element lists, numbers no field can hold.</summary>
    private void AddHuge()
    {
        const string c = Huge;
        var own = OwnTenant;
        var tooLarge = Expectation.Of(RequestTooLarge).WithStatus(413);
        // A long value can be refused by the request or query text limit, or by the argument's own check.
        var longValue = Expectation.Of(BadUserInput, RequestTooLarge) with { Why = "refused by a size limit or by the argument's check" };
        var megabyte = 1024 * 1024;
        var s200k = new string('a', 200 * 1024);

        Query(c, "1 MB query: a 1 MB comment", "{ tenant { name } }\n#" + new string('a', megabyte), tooLarge, Alternate());
        Query(c, "1 MB query: 1 MB of whitespace", "{ tenant { name } }" + new string(' ', megabyte), tooLarge, Alternate());
        Query(c, "1 MB query: a 1 MB string literal", "{ units(search: \"" + new string('a', megabyte) + "\") { name } }", tooLarge, Alternate());
        // Not a megabyte of these: merging N fields of one name is quadratic in N, and ~95,000 of them keep a
        // core busy for many minutes on the current server (the query text limit is what stops it).
        Query(c, "5,000 repeated __typename fields (quadratic field merging)", "{ " + Repeat("__typename ", 5_000) + "}", Expectation.Of(RequestTooLarge, TooComplex), Alternate());
        // Under 30 KB, so no text limit applies: only a cap on selections stops it.
        Query(c, "2,700 repeated __typename fields in under 30 KB", "{ " + Repeat("__typename ", 2_700) + "}", Expectation.Of(TooComplex), Alternate());
        Get(c, "GET with a 64 KB query", Q("{ tenant { name } }\n#" + new string('a', 64 * 1024)), tooLarge, Alternate());
        Query(c, "200 KB string literal in units(search:)", "{ units(search: \"" + s200k + "\") { name } }", longValue, Alternate());
        Query(c, "200 KB String variable for units(search:)", "query($s: String) { units(search: $s) { name } }", longValue, Alternate(), new { s = s200k });
        Query(c, "200 KB filter.search variable", "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }", longValue, Alternate(), new { f = new { search = s200k } });
        Query(c, "200 KB regions(parentCode:) variable", "query($s: String) { regions(parentCode: $s) { name } }", longValue, Alternate(), new { s = s200k });
        Query(c, "200 KB after: cursor variable", "query($a: String) { projects(after: $a) { totalCount } }", longValue, Alternate(), new { a = s200k });
        Query(c, "200 KB node id variable", "query($id: ID!) { node(id: $id) { id } }", longValue.Or(NotFound), Alternate(), new { id = s200k });
        Query(c, "200 KB createUnit name", "mutation($n: String!) { createUnit(input: {name: $n}) { id } }", longValue, own, new { n = s200k });
        Query(c, "200 KB createPlan title", "mutation($t: String!) { createPlan(input: {year: 2025, title: $t}) { id } }", longValue, own, new { t = s200k });

        var hundredThousandIds = Enumerable.Range(0, 100_000).Select(i => Base64Url($"Unit:{new Guid(i, 0, 0, new byte[8]):N}")).ToArray();
        Query(c, "100,000 lead unit ids in updateProject", "mutation($p: ID!, $u: [ID!]) { updateProject(input: {id: $p, leadUnitIds: $u}) { id } }",
            longValue.Or(NotFound), own, new { p = ids.OwnProjectId, u = hundredThousandIds });
        Query(c, "100,000 aliases in createUnit", "mutation($a: [String!]) { createUnit(input: {name: \"别名测试局\", aliases: $a}) { id } }",
            longValue, own, new { a = Enumerable.Range(0, 100_000).Select(i => $"别名{i}").ToArray() });
        Query(c, "100,000-element list for an Int variable", "query($n: Int) { projects(first: $n) { totalCount } }",
            longValue.WithStatus(400, 413), Alternate(), new { n = Enumerable.Range(0, 100_000).ToArray() });
        Query(c, "100,000 ids in an undeclared variable", "{ tenant { name } }", longValue.WithStatus(400, 413), Alternate(), new { extra = hundredThousandIds });
        Query(c, "literal list of 100,000 ints for first:", "{ projects(first: [" + string.Join(',', Enumerable.Range(0, 100_000)) + "]) { totalCount } }",
            Expectation.Of(RequestTooLarge, ValidationFailed, BadUserInput) with { Why = "the query text limit, or a literal of the wrong type" }, Alternate());

        Query(c, "first: 99999999999999999999", "{ projects(first: 99999999999999999999) { totalCount } }", BadLiteral, Alternate());
        Query(c, "first: 1e400", "{ projects(first: 1e400) { totalCount } }", BadLiteral, Alternate());
        Query(c, "first: -1", "{ projects(first: -1) { totalCount } }", BadValue, Alternate());
        Query(c, "first: 1.5", "{ projects(first: 1.5) { totalCount } }", BadLiteral, Alternate());
        Query(c, "first: 2147483648", "{ projects(first: 2147483648) { totalCount } }", BadLiteral, Alternate());
        Query(c, "first: -2147483649", "{ projects(first: -2147483649) { totalCount } }", BadLiteral, Alternate());
        Query(c, "first: 1000", "{ projects(first: 1000) { totalCount } }", BadValue, Alternate());
        Query(c, "plans(year: 99999999999)", "{ plans(year: 99999999999) { id } }", BadLiteral, Alternate());
        Query(c, "plans(year: 2.024e3)", "{ plans(year: 2.024e3) { id } }", BadLiteral, Alternate());
        Post(c, "Int variable 99999999999999999999", Utf8("""{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":99999999999999999999}}"""), BadVariable, Alternate());
        Post(c, "Int variable 1e400", Utf8("""{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":1e400}}"""),
            BadVariable.Or(BadRequest) with { Why = "1e400 is valid JSON but no number type holds it: unreadable, or a bad variable" }, Alternate());
        Post(c, "Int variable 1.5", Utf8("""{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":1.5}}"""), BadVariable, Alternate());
        Post(c, "Int variable -1", Utf8("""{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":-1}}"""), BadValue, Alternate());
        Post(c, "Int variable -2147483649", Utf8("""{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":-2147483649}}"""), BadVariable, Alternate());
        Query(c, "investmentYuan: 1e30 literal", $$"""mutation { updateProject(input: {id: "{{ids.OwnProjectId}}", investmentYuan: 1e30}) { id } }""", BadLiteral, own);
        Post(c, "investmentYuan variable 1e30", Utf8($$$"""{"query":"mutation($p: ID!, $v: Decimal) { updateProject(input: {id: $p, investmentYuan: $v}) { id } }","variables":{"p":"{{{ids.OwnProjectId}}}","v":1e30}}"""),
            BadVariable.Or(BadRequest) with { Statuses = null, Why = "a decimal out of range: a bad variable (400) or refused by the command (200)" }, own);
        Query(c, "investmentYuan: 1e20 (beyond the column)", $$"""mutation { updateProject(input: {id: "{{ids.OwnProjectId}}", investmentYuan: 100000000000000000000}) { id } }""", BadLiteral, own);
        Query(c, "createProject investmentYuan: 1e20", $$"""mutation { createProject(input: {planId: "{{ids.OwnPlanId}}", sequence: "98", name: "超大投资", investmentYuan: 100000000000000000000}) { id } }""", BadLiteral, own);
        Query(c, "createIndicator targetValue: 1e30", $$"""mutation { createIndicator(input: {projectId: "{{ids.OwnProjectId}}", label: "改造", comparator: EXACTLY, targetValue: 1e30, unit: "户"}) { id } }""", BadLiteral, own);
        Query(c, "updateProject sortOrder: 99999999999", $$"""mutation { updateProject(input: {id: "{{ids.OwnProjectId}}", sortOrder: 99999999999}) { id } }""", BadLiteral, own);
    }

    /// <summary>Documents nested past the depth limit, and JSON nested past any reader's.</summary>
    private void AddDeepNesting()
    {
        const string c = DeepNesting;
        var tooDeep = Expectation.Of(TooComplex).WithStatus(400);
        // Past ~50 levels a parser's own recursion guard may refuse the document before any analysis.
        var veryDeep = Expectation.Of(TooComplex, ParseFailed).WithStatus(400) with { Why = "a parser's recursion guard may refuse it first" };
        // A deep literal or selection is refused before execution by whichever guard comes first.
        var deepDocument = Expectation.Of(ParseFailed, TooComplex, ValidationFailed, RequestTooLarge) with { Why = "parser guard, depth limit, validation or size limit" };
        var deepJson = Expectation.Of(BadRequest, BadUserInput).WithStatus(400) with { Why = "past the JSON reader's depth (unreadable) or not a valid value (bad variable)" };

        foreach (var depth in new[] { 13, 20, 30 })
            Query(c, $"projects→plan→projects chain {depth} deep", PlanChain(depth), tooDeep, Alternate());
        foreach (var depth in new[] { 50, 100, 500 })
            Query(c, $"projects→plan→projects chain {depth} deep", PlanChain(depth), veryDeep, Alternate());
        Query(c, "subItems 15 deep", "{ projects(first: 1) { nodes { " + Repeat("subItems { ", 15) + "id" + Repeat(" }", 15) + " } } }", tooDeep, Alternate());
        Query(c, "introspection ofType 40 deep", "{ __schema { types { fields { type { " + Repeat("ofType { ", 40) + "name" + Repeat(" }", 40) + " } } } } }", veryDeep, Alternate());

        var chain = new StringBuilder("{ projects(first: 1) { nodes { plan { ...F0 } } } }");
        for (var i = 0; i < 40; i++) chain.Append($" fragment F{i} on Plan {{ projects {{ plan {{ ...F{i + 1} }} }} }}");
        chain.Append(" fragment F40 on Plan { id }");
        Query(c, "fragments spreading each other 40 deep", chain.ToString(), tooDeep, Alternate());

        Post(c, "variables nested 10,000 objects deep", Utf8("""{"query":"query($f: ProjectFilter) { projects(filter: $f) { totalCount } }","variables":{"f":""" + Repeat("""{"a":""", 10_000) + "1" + new string('}', 10_000) + "}}"), deepJson, Alternate());
        Post(c, "variables nested 10,000 arrays deep", Utf8("""{"query":"query($s: String) { units(search: $s) { name } }","variables":{"s":""" + new string('[', 10_000) + new string(']', 10_000) + "}}"), deepJson, Alternate());
        Post(c, "variables nested 100 objects deep", Utf8("""{"query":"query($f: ProjectFilter) { projects(filter: $f) { totalCount } }","variables":{"f":""" + Repeat("""{"search":""", 100) + "\"x\"" + new string('}', 100) + "}}"), deepJson, Alternate());
        Post(c, "the body nested 10,000 arrays deep", Utf8(new string('[', 10_000) + new string(']', 10_000)), Unreadable, Alternate());
        Post(c, "extensions nested 10,000 objects deep", Utf8("""{"query":"{ tenant { name } }","extensions":""" + Repeat("""{"a":""", 10_000) + "1" + new string('}', 10_000) + "}"), Unreadable, Alternate());
        Query(c, "list literal 5,000 deep in units(search:)", "{ units(search: " + new string('[', 5_000) + "\"x\"" + new string(']', 5_000) + ") { name } }", deepDocument, Alternate());
        Query(c, "object literal 1,000 deep in filter:", "{ projects(filter: " + Repeat("{search: ", 1_000) + "\"x\"" + new string('}', 1_000) + ") { totalCount } }", deepDocument, Alternate());
        Query(c, "selection sets 10,000 deep", "{ " + Repeat("tenant { ", 10_000) + "name" + Repeat(" }", 10_000) + " }", deepDocument, Alternate());
        Query(c, "100,000 opening braces", new string('{', 100_000), deepDocument, Alternate());
    }

    private static string PlanChain(int depth)
    {
        var sb = new StringBuilder("{ projects(first: 1) { nodes { ");
        for (var i = 0; i < depth; i++) sb.Append(i % 2 == 0 ? "plan { " : "projects { ");
        sb.Append("id");
        for (var i = 0; i < depth; i++) sb.Append(" }");
        return sb.Append(" } } }").ToString();
    }

    /// <summary>Width instead of depth: thousands of aliases, exponential and cyclic fragments, directive floods.</summary>
    private void AddBombs()
    {
        const string c = Bombs;
        // Large documents may hit the query text limit before the alias or complexity limit.
        var wide = Expectation.Of(TooComplex, RequestTooLarge) with { Why = "the alias/complexity limit or the query text limit" };
        var invalidOrWide = Expectation.Of(ValidationFailed, TooComplex, RequestTooLarge) with { Why = "invalid, and also too wide or too long" };

        Query(c, "20,000 aliases of projects(first: 100) { totalCount }", Aliases(20_000, "projects(first: 100) { totalCount }"), wide, Alternate());
        Query(c, "2,000 aliases of projects(first: 100) { totalCount }", Aliases(2_000, "projects(first: 100) { totalCount }"), wide, Alternate());
        Query(c, "200 aliases of projects(first: 100) with reports and actuals", Aliases(200, "projects(first: 100) { nodes { name reports { actuals { value } } } }"), wide, Alternate());
        Query(c, "1,000 aliases of node(id: garbage)", Aliases(1_000, "node(id: \"garbage\") { id }"), wide, Alternate());
        Query(c, "1,000 aliases of node(id: a real project)", Aliases(1_000, $"node(id: \"{ids.OwnProjectId}\") {{ id }}"), wide, OwnTenant);
        Query(c, "1,000 aliases of tenant { name }", Aliases(1_000, "tenant { name }"), wide, Alternate());
        Query(c, "5,000 aliases of __typename", Aliases(5_000, "__typename"), wide, Alternate());
        Query(c, "100 aliases of plans with projects, reports, actuals", Aliases(100, "plans { projects { reports { actuals { value } } } }"), wide, Alternate());
        Query(c, "500 aliased reports inside a 100-project page",
            "{ projects(first: 100) { nodes { " + string.Concat(Enumerable.Range(0, 500).Select(i => $"r{i}: reports {{ progress }} ")) + "} } }", wide, Alternate());
        Query(c, "1,000 skipped aliases of tenant", Aliases(1_000, "tenant @skip(if: true) { name }"), wide, Alternate());

        // Each level doubles the spreads. Without a cap on expanded selections 18 levels cost a server about
        // a second and a half and 30 levels hours (the request is then reported as unanswered and abandoned).
        foreach (var levels in new[] { 10, 18, 30 })
        {
            var merged = new StringBuilder($"{{ ...F{levels} }} fragment F0 on Query {{ tenant {{ name }} }}");
            for (var i = 1; i <= levels; i++) merged.Append($" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}");
            Query(c, $"fragment bomb: {levels} levels each spreading the previous twice (2^{levels} spreads)", merged.ToString(),
                Expectation.Of(TooComplex, ValidationFailed) with { Why = "the complexity limit or a rule on fragment spreads" }, Alternate());
        }
        var doubled = new StringBuilder("{ projects(first: 1) { nodes { plan { ...P10 } } } } fragment P0 on Plan { id }");
        for (var i = 1; i <= 10; i++) doubled.Append($" fragment P{i} on Plan {{ a: projects {{ plan {{ ...P{i - 1} }} }} b: projects {{ plan {{ ...P{i - 1} }} }} }}");
        Query(c, "fragment bomb: 10 levels of two aliases (1,024 paths)", doubled.ToString(), Expectation.Of(TooComplex), Alternate());
        var tenfold = new StringBuilder("{ projects(first: 100) { nodes { plan { ...T3 } } } } fragment T0 on Plan { title }");
        for (var i = 1; i <= 3; i++)
            tenfold.Append($" fragment T{i} on Plan {{ " + string.Concat(Enumerable.Range(0, 10).Select(a => $"a{a}: projects {{ plan {{ ...T{i - 1} }} }} ")) + "}");
        Query(c, "fragment bomb: 3 levels of ten aliases (1,000 paths)", tenfold.ToString(), Expectation.Of(TooComplex), Alternate());

        var cyclic = Expectation.Of(ValidationFailed, TooComplex).WithStatus(400) with { Why = "a cycle is a validation error; an analyzer may stop it first" };
        Query(c, "cyclic fragments A → B → A", "{ ...A } fragment A on Query { tenant { name } ...B } fragment B on Query { ...A }", cyclic, Alternate());
        Query(c, "a fragment spreading itself", "{ ...A } fragment A on Query { tenant { name } ...A }", cyclic, Alternate());
        Query(c, "a cycle of 100 fragments", "{ ...C0 }" + string.Concat(Enumerable.Range(0, 100).Select(i => $" fragment C{i} on Query {{ __typename ...C{(i + 1) % 100} }}")), cyclic, Alternate());
        Query(c, "1,000 unused fragments", "{ tenant { name } }" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $" fragment U{i} on Query {{ __typename }}")), invalidOrWide, Alternate());
        Query(c, "@skip(if: false) × 1,000 on one field", "{ tenant" + Repeat(" @skip(if: false)", 1_000) + " { name } }", invalidOrWide, Alternate());
        Query(c, "@include(if: true) × 1,000 on one field", "{ tenant" + Repeat(" @include(if: true)", 1_000) + " { name } }", invalidOrWide, Alternate());
        Query(c, "1,000 unknown directives", "{ tenant" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $" @d{i}")) + " { name } }", invalidOrWide, Alternate());
        Query(c, "2,000 unused variable definitions", "query(" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"$v{i}: Int ")) + ") { tenant { name } }", invalidOrWide, Alternate());
    }

    private static string Aliases(int count, string field)
    {
        var sb = new StringBuilder("{ ");
        for (var i = 0; i < count; i++) sb.Append('a').Append(i).Append(": ").Append(field).Append(' ');
        return sb.Append('}').ToString();
    }

    /// <summary>Batches, bodies that are not a request object, and JSON that is not quite JSON.</summary>
    private void AddBodyShapes()
    {
        const string c = BodyShape;
        var one = """{"query":"{ __typename }"}""";
        (string Label, string Body)[] unreadable =
        [
            ("batch of 1", $"[{one}]"),
            ("batch of 2", $"[{one},{one}]"),
            ("batch of 100", "[" + string.Join(',', Enumerable.Repeat(one, 100)) + "]"),
            ("batch of 10,000", "[" + string.Join(',', Enumerable.Repeat(one, 10_000)) + "]"),
            ("empty array", "[]"), ("array of a number", "[1]"), ("array of an array", "[[]]"),
            ("a string", "\"x\""), ("a number", "1"), ("null", "null"), ("true", "true"), ("false", "false"),
            ("empty object: no query", "{}"), ("query null", """{"query":null}"""), ("query empty", """{"query":""}"""),
            ("query blank", """{"query":"   "}"""), ("query a number", """{"query":42}"""), ("query an array", """{"query":["{ tenant { name } }"]}"""),
            ("query an object", """{"query":{"a":1}}"""), ("operationName a number", """{"query":"{ tenant { name } }","operationName":1}"""),
            ("extensions a string", """{"query":"{ tenant { name } }","extensions":"x"}"""),
            ("empty body", ""), ("whitespace only", "   \n\t "),
            ("trailing garbage", """{"query":"{ tenant { name } }"}x"""), ("two objects", """{"query":"{ tenant { name } }"}{"query":"{ tenant { name } }"}"""),
            ("a comment", """{/* c */"query":"{ tenant { name } }"}"""), ("single quotes", "{'query':'{ tenant { name } }'}"),
            ("trailing comma", """{"query":"{ tenant { name } }",}"""), ("NaN", """{"query":"query($n: Int) { projects(first: $n) { totalCount } }","variables":{"n":NaN}}"""),
            ("unquoted key", """{query:"{ tenant { name } }"}"""), ("a form body under application/json", "query=%7B+tenant+%7B+name+%7D+%7D"),
            ("query and documentId", """{"query":"{ tenant { name } }","documentId":"ProjectPage"}"""), ("documentId a number", """{"documentId":5}"""),
        ];
        foreach (var (label, body) in unreadable) Post(c, label, Utf8(body), Unreadable, Alternate());
        Post(c, "UTF-16LE body with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("""{"query":"{ tenant { name } }"}""")], Unreadable, Alternate());
        Post(c, "unknown documentId", Utf8("""{"documentId":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}"""),
            Expectation.Of(PersistedQueryNotFound), Alternate());
    }

    /// <summary>POSTs that are not application/json in UTF-8, and Accept headers the endpoint cannot answer.</summary>
    private void AddContentTypes()
    {
        const string c = ContentType;
        var body = Utf8("""{"query":"{ tenant { name } }"}""");
        var unsupported = Expectation.Of(UnsupportedMediaType).WithStatus(415);
        string[] contentTypes =
        [
            "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "application/json; charset=latin1",
            "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=us-ascii",
            "application/graphql", "application/xml", "text/json", "application/jsonl", "application/graphql-response+json", "*/*", "application/*",
            "json", "application/json;;;charset==x", "text/html",
        ];
        foreach (var type in contentTypes) Post(c, $"Content-Type: {type}", body, unsupported, Alternate(), contentType: type);
        Post(c, "multipart/form-data with the query as a part", Utf8("--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ tenant { name } }\r\n--x--\r\n"),
            unsupported, Alternate(), contentType: "multipart/form-data; boundary=x");
        Post(c, "form post of the query", Utf8("query=%7B+tenant+%7B+name+%7D+%7D"), unsupported, Alternate(), contentType: "application/x-www-form-urlencoded");
        Post(c, "no Content-Type", body, unsupported, Alternate(), contentType: null);

        var notAcceptable = Expectation.Of(NotAcceptable).WithStatus(406);
        foreach (var accept in new[] { "text/html", "application/xml", "image/png", "text/*", "application/json;q=0, application/graphql-response+json;q=0", "application/graphql+json" })
            Post(c, $"Accept: {accept}", body, notAcceptable, Alternate(), accept: accept);
    }

    /// <summary>Methods other than GET and POST, mutations over GET, GET parameters that do not parse.</summary>
    private void AddMethods()
    {
        const string c = Methods;
        var body = Utf8("""{"query":"{ tenant { name } }"}""");
        var mutation = Body("mutation { createUnit(input: {name: \"PUT测试局\"}) { id } }");
        var notAllowed = Expectation.Of(MethodNotAllowed).WithStatus(405);
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO" })
            Add(c, $"{method} with a query", method, "/graphql", body, Json, GraphQLResponse, Alternate(), notAllowed);
        Add(c, "PUT with a mutation", "PUT", "/graphql", mutation, Json, GraphQLResponse, OwnTenant, notAllowed);
        Add(c, "PATCH with a mutation", "PATCH", "/graphql", mutation, Json, GraphQLResponse, OwnTenant, notAllowed);
        Add(c, "DELETE without a body", "DELETE", "/graphql", null, null, GraphQLResponse, Alternate(), notAllowed);
        Add(c, "OPTIONS without CORS headers", "OPTIONS", "/graphql", null, null, GraphQLResponse, Alternate(), notAllowed);
        Add(c, "OPTIONS with an Origin but no preflight", "OPTIONS", "/graphql", null, null, GraphQLResponse, Alternate(), notAllowed,
            new Dictionary<string, string> { ["Origin"] = "https://dashboard.example" });
        // A HEAD response has no body by definition.
        Add(c, "HEAD", "HEAD", "/graphql?" + Q("{ tenant { name } }"), null, null, GraphQLResponse, Alternate(), notAllowed with { BodyMayBeEmpty = true });

        Get(c, "GET with a createUnit mutation", Q("mutation { createUnit(input: {name: \"GET测试局\"}) { id } }"), notAllowed, OwnTenant);
        Get(c, "GET with deletePlan of another tenant's plan", Q($"mutation {{ deletePlan(id: \"{ids.OtherPlanId}\") {{ deletedId }} }}"), notAllowed, OwnTenant);
        Get(c, "GET selecting the mutation of a two-operation document",
            Q("query Q { tenant { name } } mutation M { createUnit(input: {name: \"GET测试局\"}) { id } }") + "&operationName=M", notAllowed, OwnTenant);
        Get(c, "GET with an anonymous mutation, no tenant", Q("mutation { createPlan(input: {year: 2025, title: \"GET\"}) { id } }"), notAllowed, null);

        // Malformed variables over GET: unreadable parameter or bad variables, both refused before running.
        var badParameter = Expectation.Of(BadRequest, BadUserInput).WithStatus(400) with { Why = "an unreadable parameter or bad variables" };
        var query = Q("query($n: Int) { projects(first: $n) { totalCount } }");
        foreach (var (label, variables) in new[] { ("'{'", "%7B"), ("an array", "%5B1%5D"), ("a string", "%22x%22"), ("a number", "1"), ("cut short", "%7B%22n%22%3A"), ("trailing brace", "%7B%22n%22%3A1%7D%7D"), ("invalid UTF-8", "%7B%22n%22%3A%22%FF%FE%22%7D") })
            Get(c, $"GET with variables {label}", query + "&variables=" + variables, badParameter, Alternate());
        Get(c, "GET with extensions '{'", Q("{ tenant { name } }") + "&extensions=%7B", Unreadable, Alternate());
        Get(c, "GET without a query", "operationName=A", Unreadable, Alternate());
        Get(c, "GET with an empty query", "query=", Unreadable, Alternate());
        Get(c, "GET with invalid UTF-8 in the query", "query=%7B%20tenant%FF%FE%20%7B%20name%20%7D%20%7D",
            Expectation.Of(BadRequest, ParseFailed).WithStatus(400) with { Why = "undecodable parameter, or a document with a stray character" }, Alternate());
    }

    /// <summary>Variables of the wrong type, missing, extra, or not an object at all.</summary>
    private void AddBadVariables()
    {
        const string c = BadVariables;
        const string first = "query($n: Int) { projects(first: $n) { totalCount } }";
        void Raw(string label, string json, Expectation expect, string? tenant) => Post(c, label, Utf8(json), expect, tenant);
        string WithVariables(string query, string variables) => $"{{\"query\":{JsonSerializer.Serialize(query)},\"variables\":{variables}}}";

        Raw("Int given \"many\"", WithVariables(first, """{"n":"many"}"""), BadVariable, Alternate());
        Raw("Int given \"1\"", WithVariables(first, """{"n":"1"}"""), BadVariable, Alternate());
        Raw("Int given true", WithVariables(first, """{"n":true}"""), BadVariable, Alternate());
        Raw("Int given an object", WithVariables(first, """{"n":{}}"""), BadVariable, Alternate());
        Raw("Int given a list", WithVariables(first, """{"n":[1]}"""), BadVariable, Alternate());
        Raw("required ID! missing", WithVariables("query($id: ID!) { node(id: $id) { id } }", "{}"), BadVariable, Alternate());
        Raw("required ID! null", WithVariables("query($id: ID!) { node(id: $id) { id } }", """{"id":null}"""), BadVariable, Alternate());
        // The GraphQL spec has variables the operation does not declare ignored, not refused.
        Raw("an extra unknown variable", WithVariables(first, """{"n":1,"unknown":2}"""), BadVariable with { Success = SuccessRule.KeptValid, Why = "ignored, as the spec says" }, Alternate());
        var notAnObject = Expectation.Of(BadRequest, BadUserInput).WithStatus(400) with { Why = "variables that are not an object: a malformed request or bad variables" };
        Raw("variables an array", WithVariables(first, "[1]"), notAnObject, Alternate());
        Raw("variables a string", WithVariables(first, "\"n=1\""), notAnObject, Alternate());
        Raw("variables a number", WithVariables(first, "5"), notAnObject, Alternate());
        Raw("variables true", WithVariables(first, "true"), notAnObject, Alternate());
        const string ordered = "query($o: ProjectOrder) { projects(orderBy: $o) { totalCount } }";
        Raw("enum given an unknown value", WithVariables(ordered, """{"o":"SIDEWAYS"}"""), BadVariable, Alternate());
        Raw("enum given a number", WithVariables(ordered, """{"o":1}"""), BadVariable, Alternate());
        const string filtered = "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }";
        Raw("input object with an unknown field", WithVariables(filtered, """{"f":{"nope":1}}"""), BadVariable, Alternate());
        Raw("input object field of the wrong type", WithVariables(filtered, """{"f":{"year":"x"}}"""), BadVariable, Alternate());
        Raw("input object given a string", WithVariables(filtered, """{"f":"x"}"""), BadVariable, Alternate());
        Raw("Boolean given \"yes\"", WithVariables("query($b: Boolean) { projects(filter: {topLevelOnly: $b}) { totalCount } }", """{"b":"yes"}"""), BadVariable, Alternate());
        var own = OwnTenant;
        Raw("[ID!] given [null]", WithVariables("mutation($p: ID!, $u: [ID!]) { updateProject(input: {id: $p, leadUnitIds: $u}) { id } }", $$"""{"p":"{{ids.OwnProjectId}}","u":[null]}"""), BadVariable, own);
        Raw("DateOnly given 2024-13-45", WithVariables("mutation($d: DateOnly) { createPlan(input: {year: 2025, title: \"日期\", issuedOn: $d}) { id } }", """{"d":"2024-13-45"}"""), BadVariable, own);
        Raw("DateOnly given \"yesterday\"", WithVariables("mutation($d: DateOnly) { createPlan(input: {year: 2025, title: \"日期\", issuedOn: $d}) { id } }", """{"d":"yesterday"}"""), BadVariable, own);
        Raw("Decimal given \"abc\"", WithVariables("mutation($p: ID!, $v: Decimal) { updateProject(input: {id: $p, investmentYuan: $v}) { id } }", $$"""{"p":"{{ids.OwnProjectId}}","v":"abc"}"""), BadVariable, own);
        Raw("input without its required title", WithVariables("mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }", """{"i":{"year":2025}}"""), BadVariable, own);
        Raw("CreateUnitInput name a number", WithVariables("mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }", """{"i":{"name":5}}"""), BadVariable, own);

        var invalid = Expectation.Of(ValidationFailed).WithStatus(400);
        Query(c, "variable of an unknown type", "query($x: Nope) { tenant { name } }", invalid, Alternate(), new { x = 1 });
        Query(c, "String variable used for an Int argument", "query($s: String) { projects(first: $s) { totalCount } }", invalid, Alternate(), new { s = "1" });
        Query(c, "undeclared variable", "{ projects(first: $n) { totalCount } }", invalid, Alternate(), new { n = 1 });
        Query(c, "variable declared twice", "query($n: Int, $n: Int) { projects(first: $n) { totalCount } }", invalid, Alternate(), new { n = 1 });
        Query(c, "Int! variable with a null default", "query($n: Int! = null) { projects(first: $n) { totalCount } }", invalid, Alternate(), new { n = 1 });
    }

    /// <summary>Ids that are garbage, of another type, or of another tenant's objects; tenants that do not exist.</summary>
    private void AddBadIds()
    {
        const string c = BadIds;
        var random = new Random(1410);
        string RandomBase64(int bytes)
        {
            var buffer = new byte[bytes];
            random.NextBytes(buffer);
            return System.Buffers.Text.Base64Url.EncodeToString(buffer);
        }
        string[] garbage =
        [
            "garbage", "", "!!!!", new string('A', 10_000), Base64Url("Plan:xyz"), Base64Url($"Plan:{new Guid(1, 2, 3, new byte[8]):D}"),
            Base64Url($"Nope:{new Guid(1, 2, 3, new byte[8]):N}"), Base64Url($"Plan:{new Guid(1, 2, 3, new byte[8]):N}:extra"),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("Project:" + new Guid(7, 7, 7, new byte[8]).ToString("N"))) + "==",
            ids.OwnPlanId[..^3], RandomBase64(24), RandomBase64(33), RandomBase64(3),
        ];
        foreach (var id in garbage)
        {
            // An id well formed for a type this API does not have names nothing: null, like a missing object.
            var expect = id == Base64Url($"Nope:{new Guid(1, 2, 3, new byte[8]):N}") ? BadId with { Success = SuccessRule.NullAsIfMissing } : BadId;
            Query(c, $"node(id:) garbage '{(id.Length > 24 ? id[..24] + "…" : id)}'", "query($id: ID!) { node(id: $id) { id } }", expect, Alternate(), new { id });
        }
        Query(c, "node(id: 123) Int literal", "{ node(id: 123) { id } }", BadId, Alternate());
        Query(c, "node(id: 1.5) Float literal", "{ node(id: 1.5) { id } }", BadLiteral, Alternate());
        Query(c, "node(id: null)", "{ node(id: null) { id } }", BadLiteral, Alternate());
        Query(c, "node(id: {a: 1})", "{ node(id: {a: 1}) { id } }", BadLiteral, Alternate());
        Query(c, "node(id: [\"x\"])", "{ node(id: [\"x\"]) { id } }", BadLiteral.Or(NotFound), Alternate());
        Query(c, "plan(id:) given a project's id", "query($id: ID!) { plan(id: $id) { title } }", BadId, Alternate(), new { id = ids.OwnProjectId });
        Query(c, "project(id:) given a unit's id", "query($id: ID!) { project(id: $id) { name } }", BadId, Alternate(), new { id = ids.OwnUnitId });
        Query(c, "project(id:) garbage", "{ project(id: \"garbage\") { name } }", BadId, Alternate());
        Query(c, "plan(id:) empty", "{ plan(id: \"\") { title } }", BadId, Alternate());
        Query(c, "filter.planId garbage", "{ projects(filter: {planId: \"garbage\"}) { totalCount } }", BadId, Alternate());
        Query(c, "filter.unitId given a project's id", "query($id: ID) { projects(filter: {unitId: $id}) { totalCount } }", BadId, Alternate(), new { id = ids.OwnProjectId });

        // Another tenant's objects, used as 411302: not found (or bad input), never shown, never changed.
        // Reads answer null, as the schema says for an object "that does not exist or is not the current tenant's":
        // an error here would tell a caller which ids exist in other tenants.
        var own = OwnTenant;
        var missing = BadId with { Success = SuccessRule.NullAsIfMissing, Why = "a foreign object reads as a missing one: null, no error" };
        Query(c, "node(id:) of 411303's plan", "query($id: ID!) { node(id: $id) { id } }", missing, own, new { id = ids.OtherPlanId });
        Query(c, "node(id:) of 411303's project", "query($id: ID!) { node(id: $id) { id ... on Project { name } } }", missing, own, new { id = ids.OtherProjectId });
        Query(c, "node(id:) of 411303's unit", "query($id: ID!) { node(id: $id) { id ... on Unit { name } } }", missing, own, new { id = ids.OtherUnitId });
        Query(c, "plan(id:) of 411303's plan", "query($id: ID!) { plan(id: $id) { title } }", missing, own, new { id = ids.OtherPlanId });
        Query(c, "project(id:) of 411303's project", "query($id: ID!) { project(id: $id) { name } }", missing, own, new { id = ids.OtherProjectId });
        Query(c, "updateProject of 411303's project", "mutation($id: ID!) { updateProject(input: {id: $id, name: \"越权修改\"}) { id } }", BadId, own, new { id = ids.OtherProjectId });
        Query(c, "deleteUnit of 411303's unit", "mutation($id: ID!) { deleteUnit(id: $id) { deletedId } }", BadId, own, new { id = ids.OtherUnitId });
        Query(c, "updateUnit of 411303's unit", "mutation($id: ID!) { updateUnit(input: {id: $id, name: \"越权\"}) { id } }", BadId, own, new { id = ids.OtherUnitId });
        Query(c, "deleteProject of 411303's project", "mutation($id: ID!) { deleteProject(id: $id) { deletedId } }", BadId, own, new { id = ids.OtherProjectId });
        Query(c, "createIndicator on 411303's project", "mutation($id: ID!) { createIndicator(input: {projectId: $id, label: \"越权\", comparator: EXACTLY, targetValue: 1, unit: \"户\"}) { id } }", BadId, own, new { id = ids.OtherProjectId });
        Query(c, "updateProject with 411303's unit as lead", "mutation($p: ID!, $u: ID!) { updateProject(input: {id: $p, leadUnitIds: [$u]}) { id } }", BadId, own, new { p = ids.OwnProjectId, u = ids.OtherUnitId });
        Query(c, "deleteUnit given a plan's id", "mutation($id: ID!) { deleteUnit(id: $id) { deletedId } }", BadId, own, new { id = ids.OwnPlanId });
        Query(c, "deleteUnit of a unit that does not exist", "mutation($id: ID!) { deleteUnit(id: $id) { deletedId } }", BadId, own, new { id = Base64Url($"Unit:{new Guid(0x1410, 1, 1, new byte[8]):N}") });
        Query(c, "updateProject of a project that does not exist", "mutation($id: ID!) { updateProject(input: {id: $id, name: \"不存在\"}) { id } }", BadId, own, new { id = Base64Url($"Project:{new Guid(0x1410, 2, 2, new byte[8]):N}") });

        // The tenant claim names no tenant: refused before any resolver runs.
        var noTenant = Expectation.Of(NotFound).WithStatus(404);
        foreach (var tenant in new[] { "999999", "abc", "41130241130", "411302,411303", "' OR 1=1 --" })
            Query(c, $"tenant '{tenant}'", "{ tenant { name } }", noTenant, tenant);
    }

    /// <summary>after: cursors that this list never produced.</summary>
    private void AddBadCursors()
    {
        const string c = BadCursors;
        var random = new Random(1411);
        string RandomBase64(int bytes)
        {
            var buffer = new byte[bytes];
            random.NextBytes(buffer);
            return System.Buffers.Text.Base64Url.EncodeToString(buffer);
        }
        var guid = new Guid(0x1411, 1, 1, new byte[8]).ToString("N");
        (string Label, string Cursor, string Order)[] cursors =
        [
            ("garbage", "garbage", "SEQUENCE"), ("empty", "", "SEQUENCE"), ("punctuation", "!!!", "SEQUENCE"), ("base64 of 'junk'", Base64Url("junk"), "SEQUENCE"),
            ("random base64 24 bytes", RandomBase64(24), "SEQUENCE"), ("random base64 40 bytes", RandomBase64(40), "NAME"),
            ("right shape, bad guid", Base64Url("0\nnotaguid\nx\ny"), "SEQUENCE"),
            ("a NAME cursor under SEQUENCE", ids.NameCursor, "SEQUENCE"), ("a SEQUENCE cursor under NAME", ids.SequenceCursor, "NAME"),
            ("a DEADLINE cursor under SEQUENCE", ids.DeadlineCursor, "SEQUENCE"), ("a SEQUENCE cursor under DEADLINE", ids.SequenceCursor, "DEADLINE"),
            // Forged in the shapes cursors have had (values joined by line breaks, then a JSON array): the
            // shape is right, a value is not.
            ("DEADLINE cursor with year 99999 (line form)", Base64Url($"2\n{guid}\n99999-01-01"), "DEADLINE"),
            ("SEQUENCE cursor with sort order 99999999999 (line form)", Base64Url($"0\n{guid}\n{guid}\n99999999999"), "SEQUENCE"),
            ("DEADLINE cursor with year 99999 (array form)", Base64Url($"[\"2\",\"{guid}\",\"99999-01-01\"]"), "DEADLINE"),
            ("SEQUENCE cursor with sort order 99999999999 (array form)", Base64Url($"[\"0\",\"{guid}\",\"{guid}\",\"99999999999\"]"), "SEQUENCE"),
            ("SEQUENCE cursor with a null value (array form)", Base64Url($"[\"0\",\"{guid}\",null,\"1\"]"), "SEQUENCE"),
            ("NAME cursor with a lone surrogate (array form)", Base64Url($"[\"1\",\"{guid}\",\"\\ud800\"]"), "NAME"),
            ("NAME cursor that is a JSON object", Base64Url("{\"1\":\"x\"}"), "NAME"),
            ("NAME cursor with one part (array form)", Base64Url("[\"1\"]"), "NAME"),
            ("10 KB cursor", new string('Q', 10_240), "SEQUENCE"),
        ];
        foreach (var (label, cursor, order) in cursors)
            Query(c, label, $"query($a: String) {{ projects(first: 5, after: $a, orderBy: {order}) {{ edges {{ cursor }} }} }}", BadValue, Alternate(), new { a = cursor });
        Query(c, "cursor with a GraphQL \\u0000", """{ projects(after: "\u0000") { totalCount } }""", BadValue, Alternate());
        // Well-formed NAME cursors whose name carries NUL: they reach the query unless the value is checked.
        Query(c, "NAME cursor whose name holds NUL (line form)", "query($a: String) { projects(first: 5, after: $a, orderBy: NAME) { edges { cursor } } }", BadValue, OwnTenant,
            new { a = Base64Url($"1\n{guid}\na\0b") });
        Query(c, "NAME cursor whose name holds NUL (array form)", "query($a: String) { projects(first: 5, after: $a, orderBy: NAME) { edges { cursor } } }", BadValue, OwnTenant,
            new { a = Base64Url($"[\"1\",\"{guid}\",\"a\\u0000b\"]") });
        Query(c, "NAME cursor whose name holds NUL, no tenant (line form)", "query($a: String) { projects(first: 5, after: $a, orderBy: NAME) { edges { cursor } } }", BadValue, null,
            new { a = Base64Url($"1\n{guid}\n\0") });
        Query(c, "after: 123 (Int literal)", "{ projects(after: 123) { totalCount } }", BadLiteral, Alternate());
    }

    /// <summary>Mutations whose input must be refused, each writing nothing.</summary>
    private void AddBadMutations()
    {
        const string c = BadMutations;
        var own = OwnTenant;
        Query(c, "createPlan year 99999", "mutation { createPlan(input: {year: 99999, title: \"远期计划\"}) { id } }", BadValue, own);
        Query(c, "createPlan year -1", "mutation { createPlan(input: {year: -1, title: \"负年份\"}) { id } }", BadValue, own);
        Query(c, "createPlan year 0", "mutation { createPlan(input: {year: 0, title: \"零年\"}) { id } }", BadValue, own);
        Query(c, "createPlan empty title", "mutation { createPlan(input: {year: 2025, title: \"\"}) { id } }", BadValue, own);
        Query(c, "createPlan blank title", "mutation { createPlan(input: {year: 2025, title: \"   \"}) { id } }", BadValue, own);
        Query(c, "createPlan issuedOn 2024-02-30", "mutation { createPlan(input: {year: 2025, title: \"日期\", issuedOn: \"2024-02-30\"}) { id } }", BadLiteral, own);
        Query(c, "createPlan issuedOn 'not a date'", "mutation { createPlan(input: {year: 2025, title: \"日期\", issuedOn: \"not a date\"}) { id } }", BadLiteral, own);
        Query(c, "updatePlan year 1999", "mutation($id: ID!) { updatePlan(input: {id: $id, year: 1999}) { id } }", BadValue, own, new { id = ids.OwnPlanId });
        Query(c, "createProject into 411303's plan", "mutation($p: ID!) { createProject(input: {planId: $p, sequence: \"1\", name: \"越权项目\"}) { id } }", BadId, own, new { p = ids.OtherPlanId });
        Query(c, "createProject under 411303's project", "mutation($p: ID!, $parent: ID!) { createProject(input: {planId: $p, parentId: $parent, sequence: \"1(1)\", name: \"越权子项\"}) { id } }",
            BadId, own, new { p = ids.OwnPlanId, parent = ids.OtherProjectId });
        Query(c, "createProject empty name", "mutation($p: ID!) { createProject(input: {planId: $p, sequence: \"97\", name: \"\"}) { id } }", BadValue, own, new { p = ids.OwnPlanId });
        Query(c, "createProject empty sequence", "mutation($p: ID!) { createProject(input: {planId: $p, sequence: \"\", name: \"无序号\"}) { id } }", BadValue, own, new { p = ids.OwnPlanId });
        Query(c, "createProject deadline 0000-00-00", "mutation($p: ID!) { createProject(input: {planId: $p, sequence: \"96\", name: \"坏日期\", deadline: {date: \"0000-00-00\"}}) { id } }", BadLiteral, own, new { p = ids.OwnPlanId });
        Query(c, "updateProject empty name", "mutation($id: ID!) { updateProject(input: {id: $id, name: \"\"}) { id } }", BadValue, own, new { id = ids.OwnProjectId });
        Query(c, "updateProject NUL in name (variable)", "mutation($id: ID!, $n: String) { updateProject(input: {id: $id, name: $n}) { id } }", BadValue, own, new { id = ids.OwnProjectId, n = "名称\0后缀" });
        Query(c, "deletePlan of 411303's plan", "mutation($id: ID!) { deletePlan(id: $id) { deletedId } }", BadId, own, new { id = ids.OtherPlanId });
        Query(c, "deletePlan garbage id", "mutation { deletePlan(id: \"garbage\") { deletedId } }", BadId, own);
        Query(c, "deletePlan of 411303's plan, no tenant", "mutation($id: ID!) { deletePlan(id: $id) { deletedId } }", BadId, null, new { id = ids.OtherPlanId });
        Query(c, "createPlan, no tenant", "mutation { createPlan(input: {year: 2025, title: \"无租户\"}) { id } }", Expectation.Of(Forbidden, Unauthenticated), null);
        Query(c, "createIndicator comparator MORE", $$"""mutation { createIndicator(input: {projectId: "{{ids.OwnProjectId}}", label: "改造", comparator: MORE, targetValue: 1, unit: "户"}) { id } }""", BadLiteral, own);
        Query(c, "createMilestone due 2024-06-31", $$"""mutation { createMilestone(input: {projectId: "{{ids.OwnProjectId}}", due: {date: "2024-06-31"}, text: "节点"}) { id } }""", BadLiteral, own);
        Query(c, "createUnit empty name", "mutation { createUnit(input: {name: \"\"}) { id } }", BadValue, own);
        Query(c, "updateUnit blank name", "mutation($id: ID!) { updateUnit(input: {id: $id, name: \"   \"}) { id } }", BadValue, own, new { id = ids.OwnUnitId });

        // importPlan: refused as bad input, or read and refused in its payload (succeeded: false); never written.
        const string import = "mutation($f: String!, $b: String!, $r: ID) { importPlan(input: {fileName: $f, contentBase64: $b, replacePlanId: $r}) { succeeded errors { code } } }";
        var importRefused = BadValue with { Success = SuccessRule.ImportRefusedInPayload, Why = "bad input, or the importer's own refusal in the payload" };
        var random = new Random(1413);
        string RandomFile(int bytes)
        {
            // Megabytes of random base64 spell "stack" now and then; a response quoting it would look like a leak.
            var buffer = new byte[bytes];
            string text;
            do
            {
                random.NextBytes(buffer);
                text = Convert.ToBase64String(buffer);
            }
            while (InternalMarkers.In(text).Count > 0);
            return text;
        }
        Query(c, "importPlan content not base64", import, BadValue, own, new { f = "plan.txt", b = "!!!not base64!!!", r = (string?)null });
        foreach (var name in new[] { "random.txt", "random.docx", "random.xlsx" })
            Query(c, $"importPlan 4 KB of random bytes as {name}", import, importRefused, own, new { f = name, b = RandomFile(4096), r = (string?)null });
        Query(c, "importPlan empty fileName", import, importRefused, own, new { f = "", b = Convert.ToBase64String(Utf8("民生实事")), r = (string?)null });
        Query(c, "importPlan replacing 411303's plan", import, importRefused.Or(NotFound), own, new { f = "random.txt", b = RandomFile(512), r = ids.OtherPlanId });
        var eleven = RandomFile(11 * 1024 * 1024);
        Query(c, "importPlan of an 11 MB file (variable)", import, Expectation.Of(BadUserInput, RequestTooLarge) with { Why = "the file limit or the body limit" }, own,
            new { f = "big.docx", b = eleven, r = (string?)null });
        Query(c, "importPlan of an 11 MB file inline in the query", "mutation { importPlan(input: {fileName: \"big.docx\", contentBase64: \"" + eleven + "\"}) { succeeded } }",
            Expectation.Of(RequestTooLarge).WithStatus(413), own);
    }
}
