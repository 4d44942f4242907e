namespace Minsheng.Plugins.Abstractions;

/// <summary>Who set a task: the province (省定), the city (市定), or the tenant itself (本级).</summary>
public enum ProjectLevel
{
    Provincial,
    Municipal,
    Local,
}

/// <summary>How a categorization was reached.</summary>
public enum CategorizationBasis
{
    /// <summary>The project's name carries the tag, e.g. （省定）.</summary>
    Tag,
    /// <summary>The project matches a task of a higher level's catalog for the year.</summary>
    Catalog,
    /// <summary>Neither: the tenant's own project.</summary>
    None,
}

/// <summary>What a classifier sees of a project: its words and its targets.</summary>
public sealed record ClassifiedProject(string Name, string? Content, int Year, IReadOnlyList<ClassifiedTarget> Targets);

public sealed record ClassifiedTarget(string Label, decimal? Value, string? Unit);

/// <summary>
/// A project's level and, where it matches one, the catalog task it carries out — with the words that matched, so a
/// person can see why, and <see cref="Doubtful"/> when a person should confirm it (never decided silently).
/// </summary>
public sealed record ProjectCategorization(
    ProjectLevel Level,
    CategorizationBasis Basis,
    CatalogTask? Task,
    IReadOnlyList<string> MatchedWords,
    bool Doubtful,
    string Explanation,
    IReadOnlyList<TargetMatch> Targets);

/// <summary>
/// One of the project's targets (by its position) counted under a catalog target's aggregation key; its value times
/// <see cref="Factor"/> is in the catalog's unit (a target in 万人次 counts 10,000 per unit towards 人次).
/// </summary>
public sealed record TargetMatch(int Position, string AggregationKey, string Unit, decimal Factor, IReadOnlyList<string> MatchedWords);

/// <summary>A higher level's task for a year: what it is called, how to recognise it, and the targets it is counted by.</summary>
public sealed record CatalogTask(string Key, string Name, ProjectLevel Level, IReadOnlyList<string> NameWords, IReadOnlyList<string> ContentWords,
    IReadOnlyList<CatalogTarget> Targets);

/// <summary>A catalog task's target: its aggregation key (stable across tenants), label, unit, and the words of a matching target.</summary>
public sealed record CatalogTarget(string Key, string Label, string Unit, IReadOnlyList<string> Words);

/// <summary>Categorizes projects (省定/市定/本级 and catalog matching). Null: no opinion on this project.</summary>
public interface IProjectClassifier
{
    ProjectCategorization? Classify(ClassifiedProject project);
}

/// <summary>A higher level's catalog of tasks, by year (empty for a year it has none for).</summary>
public interface ITaskCatalog
{
    /// <summary>Who issues it, e.g. the province's name.</summary>
    string Issuer { get; }

    IReadOnlyList<CatalogTask> TasksFor(int year);
}
