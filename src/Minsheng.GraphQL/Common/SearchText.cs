using Minsheng.Domain;

namespace Minsheng.GraphQL.Common;

/// <summary>Search terms are words, not documents: a long one is refused instead of being scanned against every row.</summary>
public static class SearchText
{
    public const int MaxLength = 100;

    public static string? Checked(string? search, string field) => search is { Length: > MaxLength }
        ? throw DomainException.Invalid(field, $"{field} may be at most {MaxLength} characters long.")
        : search;
}
