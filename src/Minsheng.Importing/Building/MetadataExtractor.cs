using System.Text.RegularExpressions;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Reads what surrounds the annex table: issuer, 〔2023〕4号 document number, title, date of issue, the approval
/// sentence, and the plan year (from the title first, then the table caption, the number, the date).
/// </summary>
internal static partial class MetadataExtractor
{
    public static void Fill(PlanDraft draft, IReadOnlyList<SourceParagraph> paragraphs, IReadOnlyList<string> captions, int? fallbackYear, IssueLog issues)
    {
        var lines = paragraphs.Select(p => p.Text.Trim()).Where(t => t.Length > 0).ToList();

        foreach (var line in lines)
        {
            if (DocumentNumber().Match(line) is { Success: true } number) { draft.DocumentNumber = Compact(number.Value); break; }
        }

        var titleIndex = lines.FindIndex(l => l.StartsWith("关于", StringComparison.Ordinal) && l.Length <= 80);
        if (titleIndex >= 0)
        {
            var title = Compact(lines[titleIndex]);
            for (var i = titleIndex + 1; i < lines.Count && i <= titleIndex + 3 && !EndsLikeTitle(title); i++)
            {
                if (lines[i].EndsWith('：') || lines[i].Length > 40) break;
                title += Compact(lines[i]);
            }
            draft.Title = title;
            for (var i = titleIndex - 1; i >= 0 && i >= titleIndex - 3; i--)
            {
                var candidate = Compact(lines[i]);
                if (IssuerLike().IsMatch(candidate)) { draft.Issuer = WithoutFileWord(candidate); break; }
            }
        }
        draft.Title ??= captions.FirstOrDefault(c => c.Length <= 80)
            ?? lines.FirstOrDefault(l => l.Length <= 80 && (l.Contains("民生实事") || l.Contains("完成情况") || l.Contains("清单")
                || l.Contains("实事") || l.Contains("工作报告")));
        draft.Issuer ??= lines.Select(Compact).Where(l => IssuerLike().IsMatch(l) && l.Length <= 30).Select(WithoutFileWord).FirstOrDefault();

        foreach (var line in lines)
        {
            if (IssueDate().Match(Compact(line)) is { Success: true } date
                && DateOnly.TryParseExact($"{date.Groups["y"].Value}-{int.Parse(date.Groups["m"].Value):00}-{int.Parse(date.Groups["d"].Value):00}", "yyyy-MM-dd", out var issued))
                draft.IssuedOn = issued;
        }

        foreach (var line in lines)
        {
            var sentence = line.Split('，', '。', ',').FirstOrDefault(s => ApprovalWords().IsMatch(s));
            if (sentence is not null) { draft.Approval = sentence.Trim(); break; }
        }

        draft.Year = YearIn(draft.Title) ?? captions.Select(YearIn).FirstOrDefault(y => y is not null)
            ?? (draft.DocumentNumber is { } dn && DocumentNumber().Match(dn) is { Success: true } m ? int.Parse(m.Groups["y"].Value) : (int?)null)
            ?? draft.IssuedOn?.Year ?? fallbackYear;
        if (draft.Year is null)
            issues.Warn("plan.year-missing", "No year was found in the title, table caption, document number or date; pass the plan year so milestones can be dated.");

        foreach (var line in lines)
        {
            if (line.StartsWith("附件", StringComparison.Ordinal) && line.Length > 3) draft.Metadata.TryAdd("attachment", Compact(line));
            else if (line.StartsWith("联系人", StringComparison.Ordinal)) draft.Metadata.TryAdd("contact", line);
            else if (line.Contains("此件公开发布") || line.Contains("此件不公开")) draft.Metadata.TryAdd("publication", Compact(line).Trim('（', '）', '(', ')'));
            else if (line.StartsWith('各') && line.EndsWith('：') && line.Length <= 80) draft.Metadata.TryAdd("addressees", line.TrimEnd('：'));
        }
    }

    /// <summary>泾源县人民政府办公室文件 is the letterhead; the issuer is the office.</summary>
    private static string WithoutFileWord(string issuer) => issuer.EndsWith("文件", StringComparison.Ordinal) ? issuer[..^2] : issuer;

    private static int? YearIn(string? text) =>
        text is not null && Year().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private static bool EndsLikeTitle(string title) =>
        title.EndsWith("通知", StringComparison.Ordinal) || title.EndsWith("意见", StringComparison.Ordinal) || title.EndsWith("方案", StringComparison.Ordinal)
        || title.EndsWith("决定", StringComparison.Ordinal) || title.EndsWith("报告", StringComparison.Ordinal) || title.EndsWith("函", StringComparison.Ordinal)
        || title.EndsWith("清单", StringComparison.Ordinal) || title.EndsWith("公告", StringComparison.Ordinal);

    /// <summary>Headings are spaced out for layout ("通   知"); the words themselves have no spaces.</summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,10}\s*[〔\[［【(（]\s*(?<y>(?:19|20)\d{2})\s*[〕\]］】)）]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})年(?<m>1[0-2]|0?[1-9])月(?<d>[12]\d|3[01]|0?[1-9])日$")]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"^[\u4e00-\u9fa5（）]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|政府)(?:文件)?$")]
    private static partial Regex IssuerLike();

    [GeneratedRegex(@"研究同意|审议通过|表决通过|票决|会议通过|常务会议研究|批准")]
    private static partial Regex ApprovalWords();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex Year();
}
