using System.Text.RegularExpressions;
using Minsheng.Domain.Values;
using Minsheng.Importing.Extraction;
using Minsheng.Importing.Mapping;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Turns mapped table rows into projects. A row continues the project above (becoming a sub-item) when its sequence
/// and name are empty or merged from above, repeat the project above, or read "(2)"/"9(2)". The first row of such a
/// project then becomes sub-item (1), so every sub-item carries its own content, units and targets.
/// </summary>
internal sealed partial class ProjectBuilder(int? planYear, IUnitDirectory? units, IssueLog issues)
{
    private readonly List<ProjectDraft> _projects = [];
    private readonly HashSet<string> _sequencesInSection = [];
    private bool _yearWarned;

    public List<ProjectDraft> Projects => _projects;

    public void StartSection() => _sequencesInSection.Clear();

    public void AddRow(SourceRow row, ColumnMap map, string? section)
    {
        string Cell(ColumnRole role) => map.IndexOf(role) is var i and >= 0 ? row.TextAt(i) : "";
        bool Merged(ColumnRole role) => map.IndexOf(role) is var i and >= 0 && i < row.Cells.Count && row.Cells[i].MergedFromAbove;

        var sequence = NormalizeSequence(TextCleaner.SingleLine(Cell(ColumnRole.Sequence)));
        var name = TextCleaner.SingleLine(Cell(ColumnRole.Name));
        var last = _projects.Count > 0 ? _projects[^1] : null;
        var subLabel = SubItemLabel().Match(sequence);
        var continues = last is not null && (
            (sequence.Length == 0 || Merged(ColumnRole.Sequence)) && (name.Length == 0 || Merged(ColumnRole.Name) || name == last.Name)
            || sequence == last.Sequence && (name.Length == 0 || name == last.Name)
            || subLabel.Success && (subLabel.Groups["base"].Value.Length == 0 || subLabel.Groups["base"].Value == last.Sequence)
            // Sequence and unit cells merged from above: a sub-row with its own wording in a table whose name column is
            // all the text there is (序号 / 民生实事 / 责任单位 / 完成时限), or a 其中 row of a completion table.
            || Merged(ColumnRole.Sequence) && (!map.Has(ColumnRole.Content) || Merged(ColumnRole.LeadUnits))
            // The same in a tab export, where the lower part of a merged cell is written as an empty cell.
            || sequence.Length == 0 && !map.Has(ColumnRole.Content) && TextCleaner.SingleLine(Cell(ColumnRole.LeadUnits)).Length == 0);

        if (continues)
        {
            AddSubItem(last!, row, map, subLabel.Success ? subLabel.Groups["n"].Value : null);
            return;
        }
        if (last is null && (sequence.Length == 0 && name.Length == 0))
        {
            issues.Warn("row.orphan", "A row without sequence number or name comes before any project; it was skipped.", row.Location);
            return;
        }

        var project = new ProjectDraft { Section = section, SourceLocation = row.Location };
        if (name.Length == 0)
        {
            var content = TextCleaner.SingleLine(Cell(ColumnRole.Content));
            name = content.Split('，', '。', '；', ',').FirstOrDefault() is { Length: > 0 } clause ? (clause.Length > 30 ? clause[..30] : clause) : $"第{_projects.Count + 1}项";
            issues.Warn("project.no-name", $"The row has no project name; '{name}' was taken from its content.", row.Location);
        }
        if (sequence.Length == 0)
        {
            sequence = (_projects.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            issues.Warn("project.no-sequence", $"Project '{name}' has no sequence number; it was numbered {sequence}.", row.Location);
        }
        if (!_sequencesInSection.Add(sequence))
            issues.Warn("project.duplicate-sequence", $"Sequence number {sequence} appears twice in the same table ('{name}').", row.Location);
        project.Sequence = sequence;
        project.Name = name;
        project.CategoryTag = CategoryTag().Match(name) is { Success: true } tag ? tag.Groups[1].Value : null;
        FillLeaf(project, row, map, inheritFrom: null);
        _projects.Add(project);
    }

    private void AddSubItem(ProjectDraft parent, SourceRow row, ColumnMap map, string? label)
    {
        if (parent.SubItems.Count == 0)
        {
            var first = MoveLeafToSubItem(parent);
            parent.SubItems.Add(first);
        }
        var number = label ?? SubItemLabel().Match(NormalizeSequence(LeadingLabel().Match(row.TextAt(Math.Max(0, map.IndexOf(ColumnRole.Content)))).Value)).Groups["n"].Value;
        if (number.Length == 0 || parent.SubItems.Any(s => s.Sequence == $"{parent.Sequence}({number})"))
            number = (parent.SubItems.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sub = new ProjectDraft
        {
            Sequence = $"{parent.Sequence}({number})", Name = parent.Name, CategoryTag = parent.CategoryTag,
            Section = parent.Section, SourceLocation = row.Location,
        };
        FillLeaf(sub, row, map, inheritFrom: parent.SubItems[^1]);
        parent.SubItems.Add(sub);
        parent.LeadUnits = parent.SubItems.SelectMany(s => s.LeadUnits).Distinct().ToList();
        parent.CoUnits = parent.SubItems.SelectMany(s => s.CoUnits).Distinct().ToList();
        parent.CertificationUnits = parent.SubItems.SelectMany(s => s.CertificationUnits).Distinct().ToList();
        parent.Deadline = parent.SubItems.Where(s => s.Deadline is not null).MaxBy(s => s.Deadline!.Value.Date)?.Deadline;
    }

    /// <summary>The parent's own row becomes sub-item (1); the parent keeps name, number, leader, headquarters and the union of units.</summary>
    private static ProjectDraft MoveLeafToSubItem(ProjectDraft parent)
    {
        var first = new ProjectDraft
        {
            Sequence = $"{parent.Sequence}(1)", Name = parent.Name, CategoryTag = parent.CategoryTag, Section = parent.Section,
            Content = parent.Content, InvestmentYuan = parent.InvestmentYuan, InvestmentText = parent.InvestmentText,
            LeadUnits = parent.LeadUnits, CoUnits = parent.CoUnits, CertificationUnits = parent.CertificationUnits,
            ResponsibleLeader = parent.ResponsibleLeader, CommandHeadquarters = parent.CommandHeadquarters,
            Deadline = parent.Deadline, DeadlineText = parent.DeadlineText, Remarks = parent.Remarks, Location = parent.Location,
            CompletionText = parent.CompletionText, Targets = parent.Targets, Milestones = parent.Milestones,
            ExtraFields = parent.ExtraFields, SourceLocation = parent.SourceLocation,
        };
        parent.Content = null;
        parent.InvestmentYuan = null;
        parent.InvestmentText = null;
        parent.DeadlineText = null;
        parent.Remarks = null;
        parent.CompletionText = null;
        parent.Targets = [];
        parent.Milestones = [];
        parent.ExtraFields = [];
        parent.LeadUnits = [.. first.LeadUnits];
        parent.CoUnits = [.. first.CoUnits];
        parent.CertificationUnits = [.. first.CertificationUnits];
        return first;
    }

    private void FillLeaf(ProjectDraft project, SourceRow row, ColumnMap map, ProjectDraft? inheritFrom)
    {
        var measured = new MeasuredCells();
        for (var i = 0; i < map.Roles.Count; i++)
        {
            var cell = i < row.Cells.Count ? row.Cells[i] : new SourceCell("", row.Location);
            var text = cell.Text;
            // "-" under 备注 or 责任单位 says there is none; it is no unit name.
            if (CellShape.IsUnitRole(map.Roles[i]) && CellShape.Classify(text) == CellShape.Kind.Dash) text = "";
            switch (map.Roles[i])
            {
                // Without a content column the name cell is all the row says (新建城东幼儿园1所，新增学位360个): its
                // figures are the targets. A bare name (体育公园) stays a name, with no content to lack targets.
                case ColumnRole.Name when !map.Has(ColumnRole.Content) && QuantityParser.Parse(text).Count > 0:
                    project.Content = Blank(TextCleaner.Paragraphs(text));
                    break;
                case ColumnRole.MeasureUnit: measured.Unit = TextCleaner.SingleLine(text); break;
                case ColumnRole.TargetValue: measured.Target = TextCleaner.SingleLine(text); break;
                case ColumnRole.ActualValue: measured.Actual = TextCleaner.SingleLine(text); break;
                case ColumnRole.CompletionRate: measured.Rate = TextCleaner.SingleLine(text); break;
                case ColumnRole.Content: project.Content = Blank(TextCleaner.Paragraphs(text)); break;
                case ColumnRole.Investment: SetInvestment(project, TextCleaner.SingleLine(text), map.InvestmentUnitHint, cell.Location); break;
                case ColumnRole.Deadline: project.DeadlineText = Blank(TextCleaner.Paragraphs(text)); break;
                case ColumnRole.LeadUnits: project.LeadUnits.AddRange(UnitListParser.Parse(text, units).Except(project.LeadUnits)); break;
                case ColumnRole.CoUnits: project.CoUnits.AddRange(UnitListParser.Parse(text, units).Except(project.CoUnits)); break;
                case ColumnRole.CertificationUnits: project.CertificationUnits.AddRange(UnitListParser.Parse(text, units).Except(project.CertificationUnits)); break;
                case ColumnRole.Leader: project.ResponsibleLeader = Blank(TextCleaner.SingleLine(text)); break;
                case ColumnRole.CommandHeadquarters: project.CommandHeadquarters = Blank(TextCleaner.SingleLine(text)); break;
                case ColumnRole.Remarks: project.Remarks = Blank(TextCleaner.Paragraphs(text)); break;
                case ColumnRole.Location: project.Location = Blank(TextCleaner.Paragraphs(text)); break;
                case ColumnRole.Completion: project.CompletionText = Blank(TextCleaner.Paragraphs(text)); break;
                case ColumnRole.Unknown or ColumnRole.TotalInvestment or ColumnRole.StartDate:
                    if (TextCleaner.Paragraphs(text) is { Length: > 0 } extra)
                        project.ExtraFields[map.Headers[i].Length > 0 ? map.Headers[i] : $"column {i + 1}"] = extra;
                    break;
            }
        }
        if (inheritFrom is not null)
        {
            // The lower part of a merged cell reads empty: the unit, leader or deadline above still applies.
            if (project.LeadUnits.Count == 0) project.LeadUnits = [.. inheritFrom.LeadUnits];
            if (project.CertificationUnits.Count == 0) project.CertificationUnits = [.. inheritFrom.CertificationUnits];
            project.ResponsibleLeader ??= inheritFrom.ResponsibleLeader;
            project.CommandHeadquarters ??= inheritFrom.CommandHeadquarters;
            project.DeadlineText ??= inheritFrom.DeadlineText;
        }
        if (project.LeadUnits.Count == 0 && map.Has(ColumnRole.LeadUnits))
            issues.Warn("project.no-lead-unit", $"Project {project.Sequence} '{project.Name}' has no lead unit.", row.Location);
        if (units is not null)
        {
            foreach (var unknown in project.LeadUnits.Concat(project.CoUnits).Concat(project.CertificationUnits).Where(u => units.Resolve(u) is null).Distinct())
                issues.Warn("unit.unknown", $"Unit '{unknown}' is not in the tenant's unit directory; it will be proposed as a new unit.", row.Location);
        }
        var label = TextCleaner.SingleLine(map.IndexOf(ColumnRole.Name) is var nameAt and >= 0 ? row.TextAt(nameAt) : project.Name);
        if (measured.Any)
        {
            // A completion table's row is one indicator: its figures are in columns, not in a sentence to parse.
            if (CompletionRow.Fill(project, label.Length > 0 ? label : project.Name, measured, map, row.Location, issues))
            {
                if (!map.Has(ColumnRole.Content)) project.Content = null;
                ExtractTargetsAndMilestones(project, row.Location, warnWithoutTargets: false);
                return;
            }
            // The target is a sentence (新增城镇就业8000人): read it as a plan's content, then match the done figure to it.
            ExtractTargetsAndMilestones(project, row.Location);
            var done = CompletionRow.DoneText(measured);
            if (done is not null && project.Targets.Count > 0)
            {
                ActualsMatcher.Apply(project, done, row.Location, issues);
                CompletionRow.ApplyPrintedRatios(project, measured);
            }
            else if (done is not null)
                issues.Warn("completion.no-target", $"Row {project.Sequence} '{label}' states no target figure; its done figure '{done}' is kept as text only.", row.Location);
            return;
        }
        ExtractTargetsAndMilestones(project, row.Location);
        if (project.CompletionText is { } completion) ActualsMatcher.Apply(project, completion, row.Location, issues);
    }

    private void ExtractTargetsAndMilestones(ProjectDraft project, string location, bool warnWithoutTargets = true)
    {
        foreach (var figure in QuantityParser.Parse(project.Content ?? "")) AddTarget(project, figure, location);
        var firstPass = MilestoneExtractor.FromDeadlineCell(project.DeadlineText, planYear, project.Targets);
        foreach (var figure in firstPass.ExtraTargets)
        {
            // A heading in the 完成时限 cell may restate a target ("各3800人" for 3800名): add only what is new.
            if (!project.Targets.Any(t => TargetLinker.Convert(figure.Value, figure.Unit, t.Unit) == t.Value)) AddTarget(project, figure, location);
        }
        var fromCell = firstPass.ExtraTargets.Count > 0 ? MilestoneExtractor.FromDeadlineCell(project.DeadlineText, planYear, project.Targets) : firstPass;
        var fromContent = MilestoneExtractor.FromContent(project.Content, planYear, project.Targets);
        project.Milestones = [.. fromCell.Milestones, .. fromContent.Milestones];
        project.Deadline = fromCell.Deadline ?? fromContent.Milestones.MaxBy(m => m.Due.Date)?.Due;
        if (fromCell.Unrecognized && project.DeadlineText is { } text)
            issues.Warn("deadline.unrecognized", $"The deadline '{Shorten(text)}' of project {project.Sequence} holds no date that could be read.", location);
        if ((fromCell.NeedsYear || fromContent.NeedsYear) && !_yearWarned)
        {
            _yearWarned = true;
            issues.Warn("milestone.no-year", "Dates such as 3月底 could not be placed in a year because the plan year is unknown; those milestones were left out.", location);
        }
        if (warnWithoutTargets && project.Targets.Count == 0 && project.Content is not null)
            issues.Warn("project.no-targets", $"No quantified target was found in the content of project {project.Sequence} '{project.Name}'.", location);
    }

    private void AddTarget(ProjectDraft project, ParsedTarget figure, string location)
    {
        // The domain refuses such targets; say so here rather than fail at commit.
        if (figure.Unit == "%" && figure.Value > 100 && figure.Comparator != Comparator.AtLeast || figure.Unit == "‰" && figure.Value > 1000)
        {
            issues.Warn("target.out-of-range", $"'{figure.SourcePhrase}' in project {project.Sequence} is not a possible {figure.Unit} target and was left out.", location);
            return;
        }
        project.Targets.Add(new TargetDraft
        {
            Label = figure.Label, Comparator = figure.Comparator, Value = figure.Value, Unit = figure.Unit, SourcePhrase = figure.SourcePhrase,
        });
    }

    private void SetInvestment(ProjectDraft project, string text, string? headerUnit, string location)
    {
        if (text.Length == 0) return;
        project.InvestmentText = text;
        project.InvestmentYuan = InvestmentParser.ToYuan(text, headerUnit);
        if (project.InvestmentYuan is not null) return;
        issues.Warn(text.Any(char.IsAsciiDigit) ? "investment.no-unit" : "investment.text",
            text.Any(char.IsAsciiDigit)
                ? $"Investment '{text}' of project {project.Sequence} has no unit (元/万元/亿元); it is kept as text."
                : $"Investment of project {project.Sequence} is text ('{Shorten(text)}'), not an amount; it is kept as text.",
            location);
    }

    private static string NormalizeSequence(string sequence) =>
        sequence.Replace('（', '(').Replace('）', ')').Replace(" ", "").TrimEnd('.', '、', '．');

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "…";

    [GeneratedRegex(@"^(?<base>\d{0,3})\((?<n>\d{1,2})\)$|^(?<base>\d{1,3})[-.](?<n>\d{1,2})$")]
    private static partial Regex SubItemLabel();

    [GeneratedRegex(@"^\s*[(（]\d{1,2}[)）]")]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"[（(]\s*([^（）()]{1,6}?定|省级|市级|县级)\s*[）)]\s*$")]
    private static partial Regex CategoryTag();
}
