using System.Text.Json;
using GraphQL;

namespace Minsheng.GraphQL.Transport;

/// <summary>A GraphQL request as the HTTP layer read it: the four parameters of the GraphQL-over-HTTP spec.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>Why a request could not be read; becomes a 4xx response with a GraphQL error body.</summary>
public sealed class BadRequestException(int statusCode, string message, string code = ErrorCodes.BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
}

/// <summary>The media types this endpoint can answer with.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
}

internal static class JsonRequestReader
{
    /// <summary>Reads the parameters from a JSON object, checking each one's type as the spec demands.</summary>
    public static GraphQLHttpRequest FromJson(JsonElement root, Func<JsonElement, Inputs> toInputs, Func<string, string> resolveDocument,
        Func<string, string?, string> resolveHash)
    {
        if (root.ValueKind == JsonValueKind.Array)
            throw new BadRequestException(400, "Batched requests are not supported; send one operation per request.");
        if (root.ValueKind != JsonValueKind.Object)
            throw new BadRequestException(400, "The request body must be a JSON object.");
        string? query = null, operationName = null, documentId = null;
        Inputs? variables = null, extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    query = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                        : throw new BadRequestException(400, "'query' must be a string.");
                    break;
                case "documentId":
                    documentId = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                        : throw new BadRequestException(400, "'documentId' must be a string.");
                    break;
                case "operationName":
                    operationName = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw new BadRequestException(400, "'operationName' must be a string or null."),
                    };
                    break;
                case "variables":
                    variables = ObjectOrNull(property.Value, "variables", toInputs);
                    break;
                case "extensions":
                    extensions = ObjectOrNull(property.Value, "extensions", toInputs);
                    break;
            }
        }
        query = Document(query, documentId, AutomaticPersistedQueries.HashOf(extensions), resolveDocument, resolveHash);
        return new GraphQLHttpRequest(query, operationName, variables, extensions);
    }

    /// <summary>
    /// The document text: the query itself, the trusted document a documentId names (never both), or the document an
    /// automatic persisted query's hash stands for (registering the query sent with it).
    /// </summary>
    public static string Document(string? query, string? documentId, string? persistedHash, Func<string, string> resolveDocument,
        Func<string, string?, string> resolveHash)
    {
        if (!string.IsNullOrEmpty(documentId))
        {
            if (!string.IsNullOrEmpty(query)) throw new BadRequestException(400, "Send either 'query' or 'documentId', not both.");
            return resolveDocument(documentId);
        }
        if (persistedHash is not null) return resolveHash(persistedHash, query);
        if (string.IsNullOrWhiteSpace(query)) throw new BadRequestException(400, "The request has no 'query' (or 'documentId').");
        return query;
    }

    public static Inputs? ObjectOrNull(JsonElement value, string name, Func<JsonElement, Inputs> toInputs) => value.ValueKind switch
    {
        JsonValueKind.Object => toInputs(value),
        JsonValueKind.Null => null,
        _ => throw new BadRequestException(400, $"'{name}' must be a JSON object or null."),
    };
}
