using System.Globalization;
using System.Text.RegularExpressions;
using Minsheng.Domain.Values;
using Minsheng.Importing.Mapping;

namespace Minsheng.Importing.Building;

/// <summary>The figure cells of one completion-table row: unit of measure, target, done, and the printed ratio.</summary>
internal sealed class MeasuredCells
{
    public string Unit { get; set; } = "";
    public string Target { get; set; } = "";
    public string Actual { get; set; } = "";
    public string Rate { get; set; } = "";
    public bool Any => Target.Length > 0 || Actual.Length > 0 || Rate.Length > 0;
}

/// <summary>
/// Reads a row of a completion table (序号 / 考核指标 / 单位 / 工作目标 / 已完成数 / 占年任务之比 / 备注) into one target
/// carrying its actual, as a 完成情况 disclosure's matched figures are carried, so committing either records actuals the
/// same way. 万人 counts 人 (×10⁴); money keeps its printed unit (万元), as targets read from content do, so the figure
/// meets the plan's indicator of the same unit. A printed ratio is kept; without one the ratio is computed.
/// </summary>
internal static partial class CompletionRow
{
    /// <summary>The done cell with its unit of measure, for matching against targets read from text: "0.92万人".</summary>
    public static string? DoneText(MeasuredCells cells) =>
        IsNothing(cells.Actual) ? null : cells.Actual + (Figure(cells.Actual) is { Percent: null } && !IsNothing(cells.Unit) ? cells.Unit : "");

    /// <summary>
    /// The 完成率 cell of a row whose targets were read from a sentence: one printed ratio per target, in order
    /// ("101.3%、112%"), is the ratio of a target whose actual could not be matched (4个项目已全部竣工 for 4所). The
    /// actual itself is not inferred from it.
    /// </summary>
    public static void ApplyPrintedRatios(ProjectDraft project, MeasuredCells cells)
    {
        var printed = cells.Rate.Split(['、', '，', ',', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Figure).ToList();
        if (printed.Count != project.Targets.Count || printed.Any(p => p?.Percent is null)) return;
        for (var t = 0; t < printed.Count; t++) project.Targets[t].CompletionRatio ??= Math.Round(printed[t]!.Value.Number / 100m, 4);
    }

    /// <summary>Adds the row's target with its actual; false when the target cell holds no figure (it may be a sentence).</summary>
    public static bool Fill(ProjectDraft project, string label, MeasuredCells cells, ColumnMap map, string location, IssueLog issues)
    {
        var target = Figure(cells.Target);
        // 8000人 in the target cell of a table without a unit column: the cell names its own unit.
        var (unit, factor) = UnitAndFactor(IsNothing(cells.Unit) && target?.Unit is { } own ? own : cells.Unit);
        var actual = Figure(cells.Actual);
        var rate = Figure(cells.Rate);
        var completion = new List<string>();
        if (!IsNothing(cells.Actual)) completion.Add($"{Header(map, ColumnRole.ActualValue)}：{cells.Actual}{(actual is not null ? cells.Unit.Trim('-') : "")}");
        if (!IsNothing(cells.Rate)) completion.Add($"{Header(map, ColumnRole.CompletionRate)}：{cells.Rate}");
        project.CompletionText = completion.Count > 0 ? string.Join("，", completion) : null;
        if (target is null)
        {
            if (!IsNothing(cells.Target)) project.ExtraFields[Header(map, ColumnRole.TargetValue)] = cells.Target;
            return false;
        }
        // A percentage target (覆盖率 95%) is in %, whatever the unit column says.
        var targetUnit = target.Value.Percent ?? unit;
        var targetFactor = target.Value.Percent is null ? factor * target.Value.Factor : 1m;
        var draft = new TargetDraft
        {
            Label = label,
            Comparator = target.Value.Comparator,
            Value = QuantityParser.Tidy(target.Value.Number * targetFactor),
            Unit = targetUnit,
            SourcePhrase = cells.Target + (target.Value.Percent is null ? cells.Unit : ""),
        };
        if (targetUnit.Length == 0)
            issues.Warn("completion.no-unit", $"Row {project.Sequence} '{label}' has no unit of measure; the figures are kept without one.", location);
        if (actual is not null)
        {
            var actualFactor = actual.Value.Percent is null ? factor * actual.Value.Factor : 1m;
            draft.Actual = QuantityParser.Tidy(actual.Value.Number * actualFactor);
            draft.ActualPhrase = cells.Actual + (actual.Value.Percent is null ? cells.Unit : "");
            draft.CompletionRatio = rate is { Percent: not null } printed
                ? Math.Round(printed.Number / 100m, 4)
                : ActualsMatcher.Ratio(draft.Comparator, draft.Value, draft.Actual.Value);
        }
        else if (!IsNothing(cells.Actual))
        {
            issues.Warn("completion.actual-text", $"The done cell of row {project.Sequence} '{label}' ('{cells.Actual}') is not a figure; no actual was recorded.", location);
        }
        project.Targets.Add(draft);
        return true;
    }

    private static string Header(ColumnMap map, ColumnRole role) => map.IndexOf(role) is var i and >= 0 && map.Headers[i].Length > 0 ? map.Headers[i] : role.ToString();

    private static bool IsNothing(string text) => CellShape.Classify(text) is CellShape.Kind.Blank or CellShape.Kind.Dash;

    /// <summary>万人 → (人, 10⁴), 亿人次 → (人次, 10⁸); 万元 and 亿元 stay money units as printed.</summary>
    private static (string Unit, decimal Factor) UnitAndFactor(string text)
    {
        var unit = text.Trim().Trim('（', '）', '(', ')');
        if (unit is "-" or "—" or "/" or "无") return ("", 1m);
        if (unit is "万元" or "亿元") return (unit, 1m);
        if (unit.Length > 1 && unit[0] == '万') return (unit[1..], 10_000m);
        if (unit.Length > 1 && unit[0] == '亿') return (unit[1..], 100_000_000m);
        return (unit, 1m);
    }

    private readonly record struct Parsed(Comparator Comparator, decimal Number, decimal Factor, string? Percent, string? Unit);

    private static Parsed? Figure(string text)
    {
        var m = FigureText().Match(text.Replace(" ", "").Replace(",", ""));
        if (!m.Success || !decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return null;
        var comparator = m.Groups["c"].Value switch
        {
            "≥" or ">=" or "不少于" or "不低于" or ">" => Comparator.AtLeast,
            "≤" or "<=" or "不高于" or "不超过" or "<" => Comparator.AtMost,
            "约" => Comparator.About,
            _ => Comparator.Exactly,
        };
        var factor = m.Groups["m"].Value switch { "万" => 10_000m, "亿" => 100_000_000m, _ => 1m };
        var unit = m.Groups["u"].Success ? m.Groups["u"].Value : null;
        // 5600万元: money keeps its printed unit.
        if (unit == "元" && m.Groups["m"].Value.Length > 0) (unit, factor) = (m.Groups["m"].Value + "元", 1m);
        if (unit is not null && !CellShape.IsMeasureUnit(unit)) return null;
        return new Parsed(comparator, number, factor, m.Groups["p"].Success ? m.Groups["p"].Value : null, unit);
    }

    [GeneratedRegex(@"^(?<c>≥|≤|>=|<=|>|<|不少于|不低于|不高于|不超过|约)?(?<n>-?\d+(?:\.\d+)?)(?<m>万|亿)?(?:(?<p>%|‰)|(?<u>[^\d%‰]{1,6}))?$")]
    private static partial Regex FigureText();
}
