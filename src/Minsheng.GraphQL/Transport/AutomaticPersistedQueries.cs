using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// Apollo's automatic persisted queries, as its clients speak them: a request carries
/// <c>extensions.persistedQuery = { version: 1, sha256Hash }</c> and no text. A known hash runs its document; an
/// unknown one answers <c>PersistedQueryNotFound</c> (code PERSISTED_QUERY_NOT_FOUND, HTTP 200, as the protocol
/// expects), and the client sends the text once with the hash, which registers it here after the hash is checked.
/// The shipped trusted documents answer to their hash without registration. Registrations live in memory, bounded.
/// Which clients may register (and which are locked to trusted documents) arrives with the dashboard clients.
/// </summary>
public sealed class AutomaticPersistedQueries(PersistedDocumentStore trusted, GraphQLEndpointOptions options)
{
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string NotSupportedMessage = "PersistedQueryNotSupported";

    private readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);

    /// <summary>The sha256Hash of a request's persistedQuery extension, or null when it has none.</summary>
    public static string? HashOf(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value)) return null;
        if (value is not IDictionary<string, object?> persisted || !persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash)
            throw new BadRequestException(400, "extensions.persistedQuery must hold a sha256Hash string.", ErrorCodes.BadRequest);
        if (persisted.TryGetValue("version", out var version) && version is not null && !Equals(Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture), "1"))
            throw new BadRequestException(400, "Only version 1 of persisted queries is supported.", ErrorCodes.BadRequest);
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            throw new BadRequestException(400, "sha256Hash must be 64 hexadecimal digits.", ErrorCodes.BadRequest);
        return hash.ToLowerInvariant();
    }

    /// <summary>The document for a hash: the text sent with it (checked and registered), or a known one.</summary>
    public string Resolve(string hash, string? query)
    {
        if (!string.IsNullOrEmpty(query))
        {
            if (!string.Equals(Sha256Hex(query), hash, StringComparison.Ordinal))
                throw new BadRequestException(400, "The sha256Hash does not match the query.", ErrorCodes.BadRequest);
            // Registered by the endpoint once the text has parsed within the limits (Register), not here: junk
            // must not push real registrations out of the bounded store.
            return query;
        }
        if (trusted.Documents.TryGetValue("sha256:" + hash, out var shipped)) return shipped;
        if (!options.AutomaticPersistedQueries)
            throw new BadRequestException(StatusCodes.Status200OK, NotSupportedMessage, ErrorCodes.PersistedQueryNotSupported);
        return _registered.TryGetValue(hash, out var text)
            ? text
            : throw new BadRequestException(StatusCodes.Status200OK, NotFoundMessage, ErrorCodes.PersistedQueryNotFound);
    }

    /// <summary>Keeps a document sent with its hash, after the endpoint parsed it and found it within the limits.</summary>
    public void Register(Inputs? extensions, string query)
    {
        if (!options.AutomaticPersistedQueries || query.Length > options.MaxQueryLength || HashOf(extensions) is not { } hash) return;
        // Hash-only requests resolve to a document already here: nothing to write on the hot path.
        if (_registered.ContainsKey(hash)) return;
        // Bounded without bookkeeping, like the parsed-document cache: when full, start over.
        if (_registered.Count >= options.DocumentCacheSize) _registered.Clear();
        _registered[hash] = query;
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
