using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// One document of the accuracy corpus: its bytes as a county would send them, and what a careful clerk reading it
/// would record. Expectations are written from the document, never from what the importer returns.
/// </summary>
public sealed record CorpusDocument(string Id, string Shape, string FileName, Func<byte[]> Content, int Year,
    IReadOnlyList<ExpectedProject> Projects)
{
    public override string ToString() => Id;
}

/// <summary>
/// A project as the document states it. <see cref="CoUnits"/> is null where the layout has no co-unit column (then
/// co-units are not compared); <see cref="Deadline"/> null means the document states none, so a deadline the importer
/// invents counts as an extra field. Rows that continue a project (sub-items, merged cells) are folded into it:
/// their targets are the project's targets, their units its units.
/// </summary>
public sealed record ExpectedProject(string Sequence, string Name, string[] LeadUnits, string[]? CoUnits,
    Deadline? Deadline, params ExpectedTarget[] Targets)
{
    /// <summary>
    /// True when <see cref="Name"/> is only the key words of a name in running text (a prose list has no name
    /// column, and where the name ends is a matter of taste): the importer's name must then contain them and still
    /// be a name, at most <see cref="MaxKeyedNameLength"/> characters, not the whole item.
    /// </summary>
    public bool NameIsKey { get; init; }

    public const int MaxKeyedNameLength = 30;
}

/// <summary>
/// A quantified target: value, unit and comparator are compared (the label is not). Completion documents add the
/// year-end actual (in the target's unit) and, where the document prints one, the completion ratio (1.162 for 116.2%).
/// </summary>
public sealed record ExpectedTarget(decimal Value, string Unit, Comparator Comparator = Comparator.Exactly,
    decimal? Actual = null, decimal? Ratio = null);

/// <summary>Shorthands so the documents' expectations read like the tables they describe.</summary>
internal static class E
{
    public static ExpectedTarget T(decimal value, string unit) => new(value, unit);
    public static ExpectedTarget AtLeast(decimal value, string unit) => new(value, unit, Comparator.AtLeast);
    public static ExpectedTarget Reach(decimal value, string unit) => new(value, unit, Comparator.Reach);
    public static ExpectedTarget Done(this ExpectedTarget target, decimal actual, decimal? ratio = null) =>
        target with { Actual = actual, Ratio = ratio };

    public static Deadline Month(int year, int month) => Deadline.Of(year, month, DatePrecision.Month);
    public static Deadline End(int year, int month) => Deadline.Of(year, month, DatePrecision.EndOfMonth);
    public static Deadline Mid(int year, int month) => Deadline.Of(year, month, DatePrecision.MidMonth);
    public static Deadline Early(int year, int month) => Deadline.Of(year, month, DatePrecision.EarlyMonth);

    public static string[] Units(params string[] units) => units;
    public static readonly string[] None = [];
}
