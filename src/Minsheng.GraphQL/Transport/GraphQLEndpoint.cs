using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.GraphQL.Errors;
using Minsheng.GraphQL.Schema;
using Minsheng.Plugins.Abstractions;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP, written for this project: GET for queries, POST with application/json, no batching.
/// Each step is a small method: <see cref="ParseRequestAsync"/>, <see cref="SelectResponseType"/>,
/// <see cref="ExecuteAsync"/>, <see cref="WriteResultAsync"/>. Who may run what is decided before execution:
/// a dashboard client's trusted documents here, every field's access rule in validation (FieldAccessRule).
/// </summary>
public sealed class GraphQLEndpoint(
    TenantSchemas schemas,
    RequestValidation validation,
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    GraphQLEndpointOptions options,
    PersistedDocumentStore persistedDocuments,
    AutomaticPersistedQueries automaticPersistedQueries,
    ResponseCache responses,
    IHostEnvironment environment,
    ILogger<GraphQLEndpoint> logger)
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>A parsed document and why it breaks the limits, if it does; and the schemas it passed validation against.</summary>
    private sealed class CachedDocument(GraphQLDocument document, BadRequestException? refusal)
    {
        public GraphQLDocument Document { get; } = document;
        public BadRequestException? Refusal { get; } = refusal;
        private readonly ConcurrentDictionary<ISchema, bool> _validated = new(ReferenceEqualityComparer.Instance);

        private readonly ConcurrentDictionary<(ISchema, CallerAccess), bool> _allowed = new();

        /// <summary>Whether the document passed validation against <paramref name="schema"/> (each plugin set has its own).</summary>
        public bool ValidatedFor(ISchema schema) => _validated.ContainsKey(schema);

        public void MarkValidated(ISchema schema) => _validated.TryAdd(schema, true);

        /// <summary>Whether the document, without variables, passed every per-request rule for callers with this access.</summary>
        public bool AllowedFor(ISchema schema, CallerAccess access) => _allowed.ContainsKey((schema, access));

        // Callers come in a handful of roles; the bound only keeps a document that many kinds of caller run from growing.
        public void MarkAllowed(ISchema schema, CallerAccess access)
        {
            if (_allowed.Count < 64) _allowed.TryAdd((schema, access), true);
        }
    }

    public async Task HandleAsync(HttpContext http)
    {
        string responseType = MediaTypes.GraphQLResponse;
        // Answers depend on the tenant and the caller: never stored by a shared cache, and keyed on the headers
        // that select them in any private one.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.Vary = string.Join(", ", options.VaryHeaders);
        try
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.Headers.Allow = "GET, POST";
                throw new BadRequestException(StatusCodes.Status405MethodNotAllowed, "Use GET for queries or POST for any operation.", ErrorCodes.MethodNotAllowed);
            }
            responseType = SelectResponseType(http.Request);
            var request = await ParseRequestAsync(http.Request);
            RequireTrustedDocument(http, request.Query);
            InputText.CheckVariables(request.Variables, options.MaxVariableListLength);
            var cached = ParseDocument(request.Query);
            if (cached?.Refusal is { } refusal) throw refusal;
            if (cached is not null) automaticPersistedQueries.Register(request.Extensions, request.Query);
            var operation = cached is null ? null : SelectOperation(cached.Document, request.OperationName);
            if (operation?.Operation is OperationType.Mutation or OperationType.Subscription && HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.Headers.Allow = "POST";
                throw new BadRequestException(StatusCodes.Status405MethodNotAllowed, "Mutations must be sent with POST.", ErrorCodes.MethodNotAllowed);
            }
            if (operation?.Operation == OperationType.Query && responses.KeyFor(http, responseType) is { } cacheKey)
            {
                await AnswerThroughCacheAsync(http, request, cached, cacheKey, responseType);
                return;
            }
            var result = await ExecuteAsync(http, request, cached);
            await WriteResultAsync(http, result, responseType);
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, e.StatusCode, e.Message, e.Code, responseType);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody is left to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // A bug, not the caller's doing: logged in full here, reported without any detail.
            logger.LogError(e, "GraphQL request failed");
            await WriteErrorAsync(http, StatusCodes.Status500InternalServerError, "The server could not process the request.", ErrorCodes.Internal, responseType);
        }
    }

    /// <summary>
    /// A dashboard client locked to trusted documents runs those and nothing else: an ad-hoc query, or a document
    /// it would register as an automatic persisted query, is refused unless its hash is on the client's list.
    /// </summary>
    private static void RequireTrustedDocument(HttpContext http, string query)
    {
        if (http.RequestServices.GetService(typeof(ICallerAccessor)) is not ICallerAccessor { Current.TrustedDocuments: { } trusted }) return;
        if (!trusted.Contains(AutomaticPersistedQueries.Sha256Hex(query)))
            throw new BadRequestException(StatusCodes.Status403Forbidden,
                "This client may only run its trusted documents, and this document is not one of them.", ErrorCodes.Forbidden);
    }

    /// <summary>
    /// The first acceptable of application/graphql-response+json and application/json, by the client's
    /// preference. No Accept header or only a wildcard means a legacy client: application/json. An Accept
    /// naming neither (nor a wildcard) gets 406.
    /// </summary>
    public static string SelectResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return MediaTypes.Json;
        var acceptable = accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1).ToList();
        foreach (var media in acceptable)
        {
            var type = media.MediaType.Value;
            if (string.Equals(type, MediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return MediaTypes.GraphQLResponse;
            if (string.Equals(type, MediaTypes.Json, StringComparison.OrdinalIgnoreCase)) return MediaTypes.Json;
            // A bare wildcard is what legacy clients (and fetch's default) send: answer them in application/json.
            if (type is "*/*" or "application/*") return MediaTypes.Json;
        }
        throw new BadRequestException(StatusCodes.Status406NotAcceptable,
            $"This endpoint answers with {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.", ErrorCodes.NotAcceptable);
    }

    public async Task<GraphQLHttpRequest> ParseRequestAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            var q = request.Query;
            var extensions = ParseJsonParameter(q["extensions"].FirstOrDefault(), "extensions");
            var query = JsonRequestReader.Document(q["query"].FirstOrDefault(), q["documentId"].FirstOrDefault(),
                AutomaticPersistedQueries.HashOf(extensions), persistedDocuments.Resolve, automaticPersistedQueries.Resolve);
            return new GraphQLHttpRequest(query, q["operationName"].FirstOrDefault() is { Length: > 0 } op ? op : null,
                ParseJsonParameter(q["variables"].FirstOrDefault(), "variables"), extensions);
        }

        // Only application/json: a "simple" content type (text/plain, form posts) would let another site
        // post here without a CORS preflight, so it is refused (CSRF).
        var contentType = request.ContentType;
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !string.Equals(media.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException(StatusCodes.Status415UnsupportedMediaType, "POST requests must have Content-Type: application/json.", ErrorCodes.UnsupportedMediaType);
        if (media.Charset.HasValue && !string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException(StatusCodes.Status415UnsupportedMediaType, "Only the utf-8 charset is supported.", ErrorCodes.UnsupportedMediaType);
        if (request.ContentLength > options.MaxRequestBytes) throw BodyTooLarge();

        using var buffer = new MemoryStream();
        await CopyLimitedAsync(request.Body, buffer, options.MaxRequestBytes, request.HttpContext.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // JSON strings are only transcoded when read, so a body that is not UTF-8 would fail late and deep;
        // checked here, whole, it is one clear 400.
        if (!Utf8.IsValid(body.Span)) throw new BadRequestException(400, "The request body is not valid UTF-8.", ErrorCodes.BadRequest);
        return ReadJson(() =>
        {
            using var json = JsonDocument.Parse(body);
            return JsonRequestReader.FromJson(json.RootElement, ToInputs, persistedDocuments.Resolve, automaticPersistedQueries.Resolve);
        }, "The request body is not valid JSON.");
    }

    private Inputs ToInputs(JsonElement element) => serializer.ReadNode<Inputs>(element) ?? Inputs.Empty;

    /// <summary>
    /// Reads JSON, turning every way it can be unreadable into a 400: malformed or too deeply nested
    /// (JsonException), a string with an unpaired surrogate escape (InvalidOperationException when read),
    /// a number no .NET type holds (Overflow/FormatException).
    /// </summary>
    private static T ReadJson<T>(Func<T> read, string malformed)
    {
        try
        {
            return read();
        }
        catch (JsonException e) when (e.InnerException is not InvalidOperationException)
        {
            throw new BadRequestException(400, malformed, ErrorCodes.BadRequest);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            throw new BadRequestException(400, InputText.Refusal, ErrorCodes.BadUserInput);
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            throw new BadRequestException(400, "A number in the request is out of range.", ErrorCodes.BadUserInput);
        }
    }

    private BadRequestException BodyTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBytes} bytes.", ErrorCodes.RequestTooLarge);

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLHttpRequest request, CachedDocument? cached)
    {
        // The time budget: the request's own cancellation, or the limit, whichever comes first.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // A zero budget is spent now: CancelAfter(0) only schedules the cancellation, which a busy thread pool runs late.
        if (options.ExecutionTimeout <= TimeSpan.Zero) budget.Cancel();
        else budget.CancelAfter(options.ExecutionTimeout);
        // The tenant's schema: the core plus the fields of the plugins it enabled.
        var schema = schemas.For(http.RequestServices.GetRequiredService<IEnabledPlugins>().Current);
        var executionOptions = new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = cached?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = budget.Token,
            UserContext = new MinshengUserContext(http.RequestServices.GetService(typeof(ITenantContextAccessor)) as ITenantContextAccessor),
            UnhandledExceptionDelegate = context =>
            {
                if (ResolverFailures.ToError(context.OriginalException) is { } known)
                {
                    context.Exception = known;
                    return Task.CompletedTask;
                }
                logger.LogError(context.OriginalException, "GraphQL resolver failed: {Message}", context.OriginalException.Message);
                if (environment.IsDevelopment()) context.ErrorMessage = context.OriginalException.Message;
                return Task.CompletedTask;
            },
        };
        // The specification's rules depend on the document and the schema only, so a document that passed once skips them;
        // the per-request rules too, once it passed them for this schema and this kind of caller without variables.
        var access = CallerAccess.Of(http);
        var withoutVariables = request.Variables is not { Count: > 0 };
        executionOptions.ValidationRules = cached is null || !cached.ValidatedFor(schema) ? validation.All
            : withoutVariables && cached.AllowedFor(schema, access) ? []
            : validation.PerRequest;
        var operation = cached is null ? null : SelectOperation(cached.Document, request.OperationName);
        var operationType = operation?.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var span = GraphQLTelemetry.Tracing ? GraphQLTelemetry.StartExecution(operationType, request.OperationName ?? operation?.Name?.StringValue) : null;
        ExecutionResult? outcome = null;
        try
        {
            // A budget spent before anything ran is a timeout, whatever the executer would make of a cancelled token.
            budget.Token.ThrowIfCancellationRequested();
            var result = outcome = await executer.ExecuteAsync(executionOptions);
            if (cached is not null && result.Executed)
            {
                cached.MarkValidated(schema);
                if (withoutVariables) cached.MarkAllowed(schema, access);
            }
            // A document that is wrong in itself is reported as such first; who may run it matters once it is right.
            if (!result.Executed && result.Errors is { } errors && errors.Any(e => e is AccessDeniedError) && errors.Any(e => e is not AccessDeniedError))
            {
                var documentErrors = new ExecutionErrors();
                foreach (var error in errors.Where(e => e is not AccessDeniedError)) documentErrors.Add(error);
                result.Errors = documentErrors;
            }
            return result;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return outcome = new ExecutionResult(new ExecutionError(
                $"The request ran longer than {options.ExecutionTimeout.TotalSeconds:0.#} s and was stopped; ask for less.") { Code = ErrorCodes.Timeout })
            {
                Executed = true,
            };
        }
        finally
        {
            GraphQLTelemetry.EndExecution(span, started, operationType, outcome?.Executed ?? false,
                outcome?.Errors is { Count: > 0 } errors ? errors.Select(e => e.Code ?? ErrorCodes.Internal).ToList() : []);
        }
    }

    public async Task WriteResultAsync(HttpContext http, ExecutionResult result, string responseType)
    {
        http.Response.StatusCode = StatusOf(http, result, responseType);
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static int StatusOf(HttpContext http, ExecutionResult result, string responseType)
    {
        // Under graphql-response+json a request that never executed (parse or validation failure) is a 400;
        // legacy application/json clients get 200 for every well-formed request. A database that cannot be
        // reached is the server's state, not the caller's fault: 503, retry later, whatever the media type.
        if (result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseUnavailable) == true)
        {
            http.Response.Headers.RetryAfter = "5";
            return StatusCodes.Status503ServiceUnavailable;
        }
        if (!result.Executed && responseType == MediaTypes.GraphQLResponse)
        {
            // Refused for who is asking rather than for what was asked: 401 without a sign-in, 403 with one.
            return result.Errors?.All(e => e is AccessDeniedError) == true
                ? result.Errors.Any(e => e.Code == ErrorCodes.Unauthenticated) ? 401 : 403
                : 400;
        }
        return StatusCodes.Status200OK;
    }

    /// <summary>
    /// A persisted document asked with GET: the cached answer while it stands, else executed — and kept when it is a
    /// plain success — then sent with its ETag, or 304 when the caller already holds that answer. Browsers may keep it
    /// (private) but must ask again each time (no-cache), which the ETag makes cheap.
    /// </summary>
    private async Task AnswerThroughCacheAsync(HttpContext http, GraphQLHttpRequest request, CachedDocument? cached, ResponseCache.Key key, string responseType)
    {
        var found = responses.TryGet(key, out var hit);
        GraphQLTelemetry.CacheLookup(found);
        if (found)
        {
            http.Response.Headers[ResponseCache.StatusHeader] = "hit";
            await SendAsync(http, hit);
            return;
        }
        var stamp = responses.StampOf(key);
        var result = await ExecuteAsync(http, request, cached);
        http.Response.Headers[ResponseCache.StatusHeader] = "miss";
        var status = StatusOf(http, result, responseType);
        if (status != StatusCodes.Status200OK || result.Errors is { Count: > 0 })
        {
            await WriteResultAsync(http, result, responseType);
            return;
        }
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted);
        await SendAsync(http, responses.Store(key, stamp, buffer.ToArray(), responseType + "; charset=utf-8"));
    }

    private static async Task SendAsync(HttpContext http, ResponseCache.Entry entry)
    {
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.ETag = entry.ETag;
        if (ResponseCache.NotModified(http.Request, entry.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = entry.ContentType;
        http.Response.ContentLength = entry.Body.Length;
        await http.Response.Body.WriteAsync(entry.Body, http.RequestAborted);
    }

    private async Task WriteErrorAsync(HttpContext http, int status, string message, string code, string responseType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = responseType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private Inputs? ParseJsonParameter(string? value, string name)
    {
        if (string.IsNullOrEmpty(value)) return null;
        return ReadJson(() =>
        {
            using var json = JsonDocument.Parse(value);
            return JsonRequestReader.ObjectOrNull(json.RootElement, name, ToInputs);
        }, $"The '{name}' parameter is not valid JSON.");
    }

    /// <summary>Selections, lists and objects nested deeper than this are refused by the parser itself.</summary>
    private const int MaxNesting = 64;

    /// <summary>
    /// Parses once per distinct query text and keeps the result with its limit check; an unparsable document
    /// returns null and the executer reports the syntax error in the usual GraphQL shape.
    /// </summary>
    private CachedDocument? ParseDocument(string query)
    {
        if (query.Length > options.MaxQueryLength)
            throw new BadRequestException(StatusCodes.Status413PayloadTooLarge,
                $"The document is longer than {options.MaxQueryLength} characters; send files and long values as variables.", ErrorCodes.RequestTooLarge);
        if (_documents.TryGetValue(query, out var cached)) return cached;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = MaxNesting });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // Refused here: the executer would parse it again with its own options and fail as an internal error.
            throw new BadRequestException(400, $"The document is nested more than {MaxNesting} levels deep.", ErrorCodes.QueryTooComplex);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
        var entry = new CachedDocument(document, DocumentLimits.Check(document, options));
        // Bounded without bookkeeping: when full, start over, so a flood of one-off documents cannot
        // keep the ones dashboards repeat out of the cache for good.
        if (_documents.Count >= options.DocumentCacheSize) _documents.Clear();
        return _documents.GetOrAdd(query, entry);
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == operationName);
    }

    private static async Task CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > limit) throw new BadRequestException(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.", ErrorCodes.RequestTooLarge);
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }
    }
}

/// <summary>What resolvers may know about the caller beyond the services: the tenant, later the user's permissions.</summary>
public sealed class MinshengUserContext(ITenantContextAccessor? tenant) : Dictionary<string, object?>
{
    public TenantContext? Tenant => tenant?.Current;
}
