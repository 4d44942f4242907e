using System.Collections;
using GraphQL;
using Minsheng.Domain.Values;

namespace Minsheng.GraphQL.Transport;

/// <summary>
/// Text a caller may send: no NUL (PostgreSQL cannot store it) and no unpaired UTF-16 surrogate (it has no
/// UTF-8 form). Checked once at the door, for the document's string literals and every variable, so such
/// text is refused as bad input instead of failing deep in the database.
/// </summary>
public static class InputText
{
    public const string Refusal = "Text must not contain NUL characters or unpaired surrogates (\\u0000, \\uD800–\\uDFFF).";

    /// <summary>Checks every string and list in the variables; throws a 400 for the first that is not acceptable.</summary>
    public static void CheckVariables(Inputs? variables, int maxListLength)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables)
        {
            if (!StorableText.IsValid(name)) throw new BadRequestException(400, $"A variable name: {Refusal}", ErrorCodes.BadUserInput);
            Check(value, name, maxListLength, depth: 0);
        }
    }

    private static void Check(object? value, string path, int maxListLength, int depth)
    {
        // The JSON reader already limits nesting; this guards the recursion on its own.
        if (depth > 64) throw new BadRequestException(400, $"Variable '{path}' is nested too deeply.", ErrorCodes.BadUserInput);
        switch (value)
        {
            case string s when !StorableText.IsValid(s):
                throw new BadRequestException(400, $"Variable '{path}': {Refusal}", ErrorCodes.BadUserInput);
            case IDictionary<string, object?> map:
                foreach (var (key, item) in map)
                {
                    if (!StorableText.IsValid(key)) throw new BadRequestException(400, $"Variable '{path}': {Refusal}", ErrorCodes.BadUserInput);
                    Check(item, $"{path}.{key}", maxListLength, depth + 1);
                }
                break;
            case IList list:
                if (list.Count > maxListLength)
                    throw new BadRequestException(400, $"Variable '{path}' has {list.Count} items; at most {maxListLength} are accepted.", ErrorCodes.BadUserInput);
                for (var i = 0; i < list.Count; i++) Check(list[i], $"{path}[{i}]", maxListLength, depth + 1);
                break;
        }
    }
}
