namespace Minsheng.Importing;

/// <summary>Limits and tenant knowledge for one importer. The defaults suit a county's annex table.</summary>
public sealed record ImportOptions
{
    /// <summary>The tenant's unit directory, used to re-join unit names broken across lines and to canonicalise aliases.</summary>
    public IUnitDirectory? Units { get; init; }
    /// <summary>Documents above this size are refused before any parsing.</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;
    /// <summary>A zip (docx/xlsx) that would expand beyond this is refused: guards against zip bombs.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;
    /// <summary>A single cell longer than this is taken as a broken export, not a plan.</summary>
    public int MaxCellCharacters { get; init; } = 20_000;
    /// <summary>More projects than this is not an annual plan.</summary>
    public int MaxProjects { get; init; } = 2_000;
    /// <summary>Sheets or text with more rows than this are refused.</summary>
    public int MaxRows { get; init; } = 50_000;
}

/// <summary>The tenant's directory of units (departments) with aliases, e.g. 区人社局 = 区人力资源社会保障局.</summary>
public interface IUnitDirectory
{
    /// <summary>The canonical unit name for a name or alias, or null when the directory does not know it.</summary>
    string? Resolve(string name);

    /// <summary>Every canonical name and alias the directory knows.</summary>
    IReadOnlyCollection<string> KnownNames { get; }
}

/// <summary>An in-memory <see cref="IUnitDirectory"/>: canonical names, each with optional aliases.</summary>
public sealed class UnitDirectory : IUnitDirectory
{
    private readonly Dictionary<string, string> _canonicalByName = new(StringComparer.Ordinal);

    public UnitDirectory(IEnumerable<KeyValuePair<string, IEnumerable<string>>> unitsWithAliases)
    {
        ArgumentNullException.ThrowIfNull(unitsWithAliases);
        foreach (var (canonical, aliases) in unitsWithAliases)
        {
            _canonicalByName[Key(canonical)] = canonical.Trim();
            foreach (var alias in aliases) _canonicalByName[Key(alias)] = canonical.Trim();
        }
    }

    public UnitDirectory(params string[] canonicalNames)
        : this(canonicalNames.Select(n => new KeyValuePair<string, IEnumerable<string>>(n, [])))
    {
    }

    public IReadOnlyCollection<string> KnownNames => _canonicalByName.Keys;

    public string? Resolve(string name) => _canonicalByName.GetValueOrDefault(Key(name));

    private static string Key(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
