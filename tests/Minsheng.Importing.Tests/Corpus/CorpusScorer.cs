using System.Globalization;
using System.Text;
using Minsheng.Domain.Values;

namespace Minsheng.Importing.Tests.Corpus;

/// <summary>
/// Compares what the importer read with what the document says, field by field.
/// <para>What one field is, for each expected project:</para>
/// <list type="bullet">
/// <item>its sequence number (1), its name (1);</item>
/// <item>each lead unit (1 each) and, where the layout has a co-unit column, each co-unit (1 each);</item>
/// <item>its deadline (1) when the document states one: date and precision must both be right;</item>
/// <item>each target (1 each): value, unit and comparator (a right value and unit with the wrong comparator is wrong);</item>
/// <item>for completion documents, each year-end actual (1 each) and each printed completion ratio (1 each).</item>
/// </list>
/// <para>
/// Precision matters, so the importer's surplus counts too: a target that should not exist (an ordinal, a place name,
/// an age read as a figure), a unit nobody named, a deadline or an actual the document does not state, each is one
/// extra field; a project the document does not have is one extra field plus one per target it carries. A ratio the
/// document does not print is not scored either way: the importer derives one from every actual it reads.
/// Accuracy = right ÷ (expected + extra). Sub-items are folded into their project on both sides, so how the importer
/// splits a project into sub-items does not matter, only what it reads.
/// </para>
/// </summary>
public static class CorpusScorer
{
    public enum FieldClass { Sequence, Name, LeadUnit, CoUnit, Deadline, Target, Actual, Ratio, Project }

    public enum Outcome { Right, Wrong, Missing, Extra }

    public sealed record Finding(FieldClass Class, Outcome Outcome, string Detail);

    public sealed class DocumentScore(CorpusDocument document)
    {
        public CorpusDocument Document { get; } = document;
        public List<Finding> Findings { get; } = [];
        public bool ReturnedNothing { get; set; }
        public string? Errors { get; set; }
        public int ProjectsRead { get; set; }
        public int Expected => Findings.Count(f => f.Outcome != Outcome.Extra);
        public int Right => Count(Outcome.Right);
        public int Wrong => Count(Outcome.Wrong);
        public int Missing => Count(Outcome.Missing);
        public int Extra => Count(Outcome.Extra);
        public decimal Accuracy => Expected + Extra == 0 ? 1m : (decimal)Right / (Expected + Extra);
        private int Count(Outcome outcome) => Findings.Count(f => f.Outcome == outcome);
        public void Add(FieldClass c, Outcome o, string detail = "") => Findings.Add(new Finding(c, o, detail));
    }

    public static DocumentScore Score(CorpusDocument document)
    {
        var score = new DocumentScore(document);
        var result = new PlanImporter().Read(document.Content(), document.FileName, document.Year);
        var actual = result.Succeeded ? result.Draft!.Projects.Select(Fold).ToList() : [];
        score.ProjectsRead = actual.Count;
        if (actual.Count == 0)
        {
            score.ReturnedNothing = true;
            score.Errors = string.Join("; ", result.Errors.Select(e => e.Code));
        }

        var pairs = Match(document.Projects, actual);
        foreach (var expected in document.Projects)
        {
            if (pairs.TryGetValue(expected, out var read)) CompareProject(score, expected, read);
            else AllMissing(score, expected);
        }
        foreach (var extra in actual.Where(a => !pairs.ContainsValue(a)))
        {
            score.Add(FieldClass.Project, Outcome.Extra, $"project {extra.Sequence} '{Short(extra.Name)}' is not in the document");
            foreach (var t in extra.Targets) score.Add(FieldClass.Target, Outcome.Extra, $"{extra.Sequence}: {Show(t)} (in an extra project)");
        }
        return score;
    }

    /// <summary>A project with its sub-items folded in: their targets, units and latest deadline are the project's.</summary>
    private sealed record ReadProject(string Sequence, string Name, List<string> Lead, List<string> Co, Deadline? Deadline, List<TargetDraft> Targets);

    private static ReadProject Fold(ProjectDraft p)
    {
        var all = new[] { p }.Concat(p.SubItems).ToList();
        var deadline = p.Deadline ?? p.SubItems.Where(s => s.Deadline is not null).MaxBy(s => s.Deadline!.Value.Date)?.Deadline;
        return new ReadProject(p.Sequence, p.Name,
            all.SelectMany(x => x.LeadUnits).Select(Norm).Distinct().ToList(),
            all.SelectMany(x => x.CoUnits).Select(Norm).Distinct().ToList(),
            deadline, all.SelectMany(x => x.Targets).ToList());
    }

    /// <summary>Pairs by sequence and name, then by name alone, then by sequence alone; each side used once.</summary>
    private static Dictionary<ExpectedProject, ReadProject> Match(IReadOnlyList<ExpectedProject> expected, List<ReadProject> read)
    {
        var pairs = new Dictionary<ExpectedProject, ReadProject>();
        void Pass(Func<ExpectedProject, ReadProject, bool> fits)
        {
            foreach (var e in expected.Where(e => !pairs.ContainsKey(e)))
            {
                var candidate = read.FirstOrDefault(r => !pairs.ContainsValue(r) && fits(e, r));
                if (candidate is not null) pairs[e] = candidate;
            }
        }
        Pass((e, r) => SameSequence(e, r) && NameFits(e, r.Name));
        Pass((e, r) => NameFits(e, r.Name));
        Pass(SameSequence);
        return pairs;
    }

    private static bool SameSequence(ExpectedProject e, ReadProject r) => NormSequence(e.Sequence) == NormSequence(r.Sequence);

    private static bool NameFits(ExpectedProject e, string name)
    {
        var want = Norm(e.Name);
        var got = Norm(name);
        if (want == got) return true;
        return e.NameIsKey && got.Contains(want, StringComparison.Ordinal) && got.Length <= ExpectedProject.MaxKeyedNameLength;
    }

    private static void CompareProject(DocumentScore s, ExpectedProject e, ReadProject r)
    {
        var at = e.Sequence;
        s.Add(FieldClass.Sequence, SameSequence(e, r) ? Outcome.Right : Outcome.Wrong, $"{at}: sequence read as '{r.Sequence}'");
        s.Add(FieldClass.Name, NameFits(e, r.Name) ? Outcome.Right : Outcome.Wrong, $"{at}: name '{Short(e.Name)}' read as '{Short(r.Name)}'");
        CompareUnits(s, FieldClass.LeadUnit, at, e.LeadUnits, r.Lead);
        if (e.CoUnits is not null) CompareUnits(s, FieldClass.CoUnit, at, e.CoUnits, r.Co);

        if (e.Deadline is { } due)
            s.Add(FieldClass.Deadline, r.Deadline is null ? Outcome.Missing : r.Deadline == due ? Outcome.Right : Outcome.Wrong,
                $"{at}: deadline {due} read as {r.Deadline?.ToString() ?? "nothing"}");
        else if (r.Deadline is { } invented)
            s.Add(FieldClass.Deadline, Outcome.Extra, $"{at}: deadline {invented} not in the document");

        var unusedRead = r.Targets.ToList();
        var pending = new List<ExpectedTarget>();
        var matched = new List<(ExpectedTarget E, TargetDraft R, bool ComparatorRight)>();
        foreach (var t in e.Targets)
        {
            var hit = unusedRead.FirstOrDefault(x => SameQuantity(t, x) && x.Comparator == t.Comparator);
            if (hit is null) { pending.Add(t); continue; }
            unusedRead.Remove(hit);
            matched.Add((t, hit, true));
        }
        foreach (var t in pending)
        {
            var near = unusedRead.FirstOrDefault(x => SameQuantity(t, x));
            if (near is not null)
            {
                unusedRead.Remove(near);
                matched.Add((t, near, false));
            }
            else
            {
                s.Add(FieldClass.Target, Outcome.Missing, $"{at}: target {Show(t)} not read");
                if (t.Actual is not null) s.Add(FieldClass.Actual, Outcome.Missing, $"{at}: actual {t.Actual} of {Show(t)} (target not read)");
                if (t.Ratio is not null) s.Add(FieldClass.Ratio, Outcome.Missing, $"{at}: ratio {t.Ratio} of {Show(t)} (target not read)");
            }
        }
        foreach (var (t, x, comparatorRight) in matched)
        {
            s.Add(FieldClass.Target, comparatorRight ? Outcome.Right : Outcome.Wrong, $"{at}: {Show(t)} read as {Show(x)}");
            if (t.Actual is { } want)
            {
                var got = x.Actual is { } a ? Canon(a, x.Unit) : ((decimal, string)?)null;
                s.Add(FieldClass.Actual, got is null ? Outcome.Missing : Same(got.Value, Canon(want, t.Unit)) ? Outcome.Right : Outcome.Wrong,
                    $"{at}: actual {want}{t.Unit} read as {(x.Actual is { } v ? $"{v}{x.Unit}" : "nothing")}");
            }
            else if (x.Actual is { } invented)
                s.Add(FieldClass.Actual, Outcome.Extra, $"{at}: actual {invented}{x.Unit} for {Show(t)} not in the document");
            if (t.Ratio is { } ratio)
                s.Add(FieldClass.Ratio, x.CompletionRatio is null ? Outcome.Missing : Math.Abs(x.CompletionRatio.Value - ratio) <= 0.0015m ? Outcome.Right : Outcome.Wrong,
                    $"{at}: ratio {ratio} read as {x.CompletionRatio?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
        }
        foreach (var x in unusedRead) s.Add(FieldClass.Target, Outcome.Extra, $"{at}: {Show(x)} from '{x.SourcePhrase}' is no target");
    }

    private static void CompareUnits(DocumentScore s, FieldClass c, string at, string[] expected, List<string> read)
    {
        var want = expected.Select(Norm).ToList();
        foreach (var u in want) s.Add(c, read.Contains(u) ? Outcome.Right : Outcome.Missing, $"{at}: unit {u} not read (read: {string.Join("、", read)})");
        foreach (var u in read.Where(u => !want.Contains(u))) s.Add(c, Outcome.Extra, $"{at}: unit '{u}' not in the document");
    }

    private static void AllMissing(DocumentScore s, ExpectedProject e)
    {
        var at = e.Sequence;
        s.Add(FieldClass.Sequence, Outcome.Missing, $"{at}: project not read");
        s.Add(FieldClass.Name, Outcome.Missing, $"{at}: project not read");
        foreach (var _ in e.LeadUnits) s.Add(FieldClass.LeadUnit, Outcome.Missing, $"{at}: project not read");
        foreach (var _ in e.CoUnits ?? []) s.Add(FieldClass.CoUnit, Outcome.Missing, $"{at}: project not read");
        if (e.Deadline is not null) s.Add(FieldClass.Deadline, Outcome.Missing, $"{at}: project not read");
        foreach (var t in e.Targets)
        {
            s.Add(FieldClass.Target, Outcome.Missing, $"{at}: project not read");
            if (t.Actual is not null) s.Add(FieldClass.Actual, Outcome.Missing, $"{at}: project not read");
            if (t.Ratio is not null) s.Add(FieldClass.Ratio, Outcome.Missing, $"{at}: project not read");
        }
    }

    private static bool SameQuantity(ExpectedTarget e, TargetDraft r) => Same(Canon(e.Value, e.Unit), Canon(r.Value, r.Unit));

    private static bool Same((decimal Value, string Unit) a, (decimal Value, string Unit) b) =>
        a.Unit == b.Unit && Math.Abs(a.Value - b.Value) <= 0.000001m * Math.Max(1m, Math.Abs(a.Value));

    /// <summary>
    /// One spelling per quantity, so that 1.2万人 and 12000人, 3亿元 and 300000000元, 500名 and 500人 compare equal: the
    /// same fact in the units the product itself treats as one (人/名, 公里/千米, money in yuan).
    /// </summary>
    public static (decimal Value, string Unit) Canon(decimal value, string unit)
    {
        unit = unit.Trim();
        switch (unit)
        {
            case "元": return (value, "元");
            case "万元": return (value * 10_000m, "元");
            case "亿元": return (value * 100_000_000m, "元");
            case "名" or "人口": return (value, "人");
            case "千米": return (value, "公里");
            case "平米": return (value, "平方米");
        }
        if (unit.Length > 1 && unit[0] == '万') return Canon(value * 10_000m, unit[1..]);
        if (unit.Length > 1 && unit[0] == '亿') return Canon(value * 100_000_000m, unit[1..]);
        return (value, unit);
    }

    public static string Norm(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」') continue;
            sb.Append(c switch { '（' => '(', '）' => ')', '，' => ',', '：' => ':', '；' => ';', _ => c });
        }
        return sb.ToString().TrimEnd('。', '.', ';', ',');
    }

    private static string NormSequence(string sequence) => Norm(sequence).Trim('(', ')', '、', '.', '．');

    private static string Show(ExpectedTarget t) => $"{Word(t.Comparator)}{t.Value.ToString(CultureInfo.InvariantCulture)}{t.Unit}";
    private static string Show(TargetDraft t) => $"{Word(t.Comparator)}{t.Value.ToString(CultureInfo.InvariantCulture)}{t.Unit}";

    private static string Word(Comparator c) => c switch
    {
        Comparator.AtLeast => "≥", Comparator.AtMost => "≤", Comparator.Reach => "达到", Comparator.About => "约", _ => "",
    };

    private static string Short(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
