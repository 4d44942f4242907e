using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Minsheng.Data.Caching;
using Minsheng.Tenancy;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// Answers to persisted documents asked with GET (the dashboards' polling), kept per document, variables, operation,
/// media type, data scope (the tenant, or the region of a region caller) and grant (the caller's kind, permissions,
/// units and region): two callers share an answer only when the server would have computed the same one for both.
/// An answer is served while its scope's generation in <see cref="TenantWrites"/> stands — any committed write to the
/// tenant, or to a tenant inside the region, retires it (at once on the writing server, through NOTIFY elsewhere) — and
/// for at most <see cref="GraphQLEndpointOptions.ResponseCacheMaxAge"/>. Nothing is cached while the server does not hear
/// other servers' writes. Each answer carries an ETag; a GET with a matching If-None-Match gets 304.
/// </summary>
public sealed class ResponseCache(TenantWrites writes, GraphQLEndpointOptions options) : IDisposable
{
    public const string StatusHeader = "X-Minsheng-Cache";

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.ResponseCacheBytes) });

    public sealed record Entry(byte[] Body, string ContentType, string ETag, TenantWrites.Stamp Stamp);

    /// <summary>What an answer may be cached under, and the scope whose writes retire it.</summary>
    public sealed record Key(string Text, string Scope);

    public bool Enabled => options.ResponseCacheBytes > 0;

    /// <summary>The key of a GET of a persisted document, or null when this request is not one to cache.</summary>
    public Key? KeyFor(HttpContext http, string responseType)
    {
        if (!Enabled || !HttpMethods.IsGet(http.Request.Method)) return null;
        var query = http.Request.Query;
        if (query["documentId"].FirstOrDefault() is not { Length: > 0 } documentId) return null;
        var caller = (http.RequestServices.GetService(typeof(ICallerAccessor)) as ICallerAccessor)?.Current ?? Caller.Anonymous;
        var tenant = (http.RequestServices.GetService(typeof(ITenantContextAccessor)) as ITenantContextAccessor)?.Current;
        // A region caller reads across the region (and its own government, whose writes count for the region too).
        var scope = caller.RegionCode is { } region ? TenantWrites.RegionScope(region) : tenant is not null ? TenantWrites.TenantScope(tenant.TenantId) : null;
        if (scope is null) return null;
        var grant = string.Join(',', caller.Permissions.Select(p => p.ToString()).Order(StringComparer.Ordinal)) + ";" +
                    string.Join(',', caller.UnitIds.Order()) + ";" + caller.RegionCode + ";" + caller.Kind;
        return new Key(string.Join('\n', scope, grant, documentId, query["operationName"].FirstOrDefault(), query["variables"].FirstOrDefault(), responseType), scope);
    }

    public bool TryGet(Key key, out Entry entry)
    {
        if (writes.Listening && _entries.TryGetValue(key.Text, out Entry? found) && found is not null && writes.IsCurrent(key.Scope, found.Stamp))
        {
            entry = found;
            return true;
        }
        entry = null!;
        return false;
    }

    /// <summary>Where the reading of an answer begins: taken before it runs, so a write during it retires the answer.</summary>
    public TenantWrites.Stamp StampOf(Key key) => writes.StampOf(key.Scope);

    public Entry Store(Key key, TenantWrites.Stamp stamp, byte[] body, string contentType)
    {
        var entry = new Entry(body, contentType, ETagOf(body), stamp);
        if (writes.Listening && body.Length <= options.ResponseCacheBytes / 16)
        {
            _entries.Set(key.Text, entry, new MemoryCacheEntryOptions
            {
                Size = body.Length + key.Text.Length * 2,
                AbsoluteExpirationRelativeToNow = options.ResponseCacheMaxAge,
            });
        }
        return entry;
    }

    public static string ETagOf(byte[] body) => "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>Whether the request's If-None-Match names <paramref name="etag"/> (or is "*").</summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            if (value is null) continue;
            foreach (var candidate in value.Split(','))
            {
                var tag = candidate.Trim();
                if (tag == "*") return true;
                if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
                if (string.Equals(tag, etag, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    public void Dispose() => _entries.Dispose();
}
