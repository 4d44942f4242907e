namespace Minsheng.GraphQL.Transport;

/// <summary>The endpoint's limits. Bound from the "GraphQL" configuration section by the host.</summary>
public sealed class GraphQLEndpointOptions
{
    /// <summary>Largest accepted POST body: room for a 10 MB file sent base64-encoded to importPlan as a variable.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Memory for cached answers to persisted documents asked with GET (<see cref="ResponseCache"/>); 0 turns the cache off.</summary>
    public long ResponseCacheBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The longest a cached answer is served, writes or not.</summary>
    public TimeSpan ResponseCacheMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Longest document text. Real documents are a few kilobytes; files travel in variables, never in the
    /// text, so this stays small and separate from <see cref="MaxRequestBytes"/>.
    /// </summary>
    public int MaxQueryLength { get; set; } = 32 * 1024;

    /// <summary>Root fields of an operation, aliases and fragments included: each one is a query of its own.</summary>
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Field selections of an operation with every fragment spread expanded (stops fragment and alias bombs).</summary>
    public int MaxFieldSelections { get; set; } = 2_000;

    /// <summary>Longest list in the variables (a list of ids, of aliases …).</summary>
    public int MaxVariableListLength { get; set; } = 1_000;

    /// <summary>Time budget of one execution; past it the request stops with TIMEOUT.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Apollo's automatic persisted queries: clients may register a document by its hash and then send only the
    /// hash. Off: only the shipped trusted documents answer to a hash.
    /// </summary>
    public bool AutomaticPersistedQueries { get; set; } = true;

    /// <summary>Parsed documents kept for reuse; dashboards send the same few queries all day.</summary>
    public int DocumentCacheSize { get; set; } = 500;

    /// <summary>
    /// Request headers that select the tenant or the caller. Responses name them in Vary (and are private), so
    /// no shared cache serves one county's answer to another.
    /// </summary>
    public IList<string> VaryHeaders { get; set; } = ["Accept", "Authorization"];
}
