using System.Globalization;
using System.Text;

namespace Minsheng.Importing;

/// <summary>
/// A plain-text review sheet for a clerk: the plan's facts, then one block per project with its units, deadline,
/// targets and milestones. Columns are aligned by display width (a Chinese character is two columns wide).
/// </summary>
public static class PlanDraftTable
{
    public static string Render(PlanDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var sb = new StringBuilder();
        sb.AppendLine(draft.Title ?? "（无标题）");
        Line(sb, "类型", draft.Kind == PlanKind.Plan ? "计划" : "完成情况");
        Line(sb, "年度", draft.Year?.ToString(CultureInfo.InvariantCulture));
        Line(sb, "发文单位", draft.Issuer);
        Line(sb, "文号", draft.DocumentNumber);
        Line(sb, "日期", draft.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line(sb, "审议", draft.Approval);
        Line(sb, "项目数", $"{draft.Projects.Count}（含子项 {draft.AllProjects().Count()}）");
        sb.AppendLine();

        var rows = new List<string[]> { new[] { "序号", "项目名称", "投资", "牵头单位", "期限", "目标" } };
        foreach (var project in draft.AllProjects())
        {
            var targets = project.Targets.Select(Describe).ToList();
            rows.Add([
                project.Sequence,
                Cut(project.Name, 24),
                project.InvestmentYuan is { } yuan ? Money(yuan) : Cut(project.InvestmentText ?? "", 10),
                Cut(string.Join("、", project.LeadUnits), 20),
                project.Deadline?.ToString() ?? "",
                targets.FirstOrDefault() ?? "",
            ]);
            foreach (var more in targets.Skip(1)) rows.Add(["", "", "", "", "", more]);
            foreach (var milestone in project.Milestones)
                rows.Add(["", "", "", "", milestone.Due.ToString(), "· " + Cut(milestone.Text, 40)]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            sb.AppendLine(string.Join(" │ ", row.Select((cell, c) => Pad(cell, widths[c]))).TrimEnd());
            if (index == 0) sb.AppendLine(string.Join("─┼─", widths.Select(w => new string('─', w))));
        }
        return sb.ToString();
    }

    private static string Describe(TargetDraft target)
    {
        var comparator = target.Comparator switch
        {
            Minsheng.Domain.Values.Comparator.AtLeast => "≥",
            Minsheng.Domain.Values.Comparator.AtMost => "≤",
            Minsheng.Domain.Values.Comparator.Reach => "达",
            Minsheng.Domain.Values.Comparator.About => "约",
            _ => "",
        };
        var text = $"{comparator}{target.Value.ToString("0.####", CultureInfo.InvariantCulture)}{target.Unit}  {Cut(target.Label, 30)}";
        if (target.Actual is { } actual)
            text += $"  实际 {actual.ToString("0.####", CultureInfo.InvariantCulture)}{target.Unit}（{target.CompletionRatio:P1}）";
        return text;
    }

    private static void Line(StringBuilder sb, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value)) sb.Append(label).Append('：').AppendLine(value);
    }

    private static string Money(decimal yuan) => new Minsheng.Domain.Values.Money(yuan).ToString();

    private static string Cut(string text, int max)
    {
        text = text.Replace('\n', ' ');
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115F' || c >= '\u2E80') ? 2 : 1);

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));
}
