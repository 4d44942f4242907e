using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// Trusted documents for dashboards: the .graphql files shipped in PersistedDocuments/, addressed as
/// <c>documentId=sha256:&lt;hex of the file's text&gt;</c> (or by file name, e.g. <c>ProjectPage</c>). A dashboard
/// sends the id instead of the text, so its GET requests stay short and cacheable and only reviewed
/// documents run under that name.
/// </summary>
public sealed class PersistedDocumentStore
{
    private readonly FrozenDictionary<string, string> _byId;

    public PersistedDocumentStore()
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(PersistedDocumentStore).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".graphql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            documents[IdOf(text)] = text;
            // Resource names end in "<Name>.graphql"; the short name is the convenient alias.
            var name = resource[..^".graphql".Length];
            documents[name[(name.LastIndexOf('.') + 1)..]] = text;
        }
        _byId = documents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every id and alias with its document.</summary>
    public IReadOnlyDictionary<string, string> Documents => _byId;

    public static string IdOf(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string Resolve(string documentId) => _byId.TryGetValue(documentId, out var text)
        ? text
        : throw new BadRequestException(400, $"No persisted document has the id '{documentId}'.", ErrorCodes.PersistedQueryNotFound);
}
