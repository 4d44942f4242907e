using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Units;

/// <summary>
/// A department in the tenant's directory (单位). Aliases let "区人社局" and "区人力资源社会保障局"
/// resolve to one unit when documents are imported.
/// </summary>
public sealed class Unit : TenantEntity
{
    public const int MaxNameLength = 100;

    private Unit() { Name = ""; Aliases = []; }

    public Unit(string name, IEnumerable<string>? aliases = null)
    {
        Name = "";
        Aliases = [];
        Update(name, aliases ?? []);
    }

    public string Name { get; private set; }
    public string[] Aliases { get; private set; }

    public void Update(string name, IEnumerable<string> aliases)
    {
        Name = CleanName(name, nameof(name));
        Aliases = aliases.Select(a => CleanName(a, "aliases"))
            .Where(a => a != Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public bool IsKnownAs(string name) => Name == name.Trim() || Aliases.Contains(name.Trim());

    private static string CleanName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainException.Invalid(field, "A unit name cannot be empty.");
        if (trimmed.Length > MaxNameLength) throw DomainException.Invalid(field, $"A unit name is at most {MaxNameLength} characters.");
        return trimmed;
    }
}
