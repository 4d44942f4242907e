using System.Globalization;
using System.Text.RegularExpressions;

namespace Minsheng.Importing.Building;

/// <summary>Reads 计划投资 cells: "1000万元", "1.05亿元", "约500万元", "3,000元"; text such as 已建设完成 stays text only.</summary>
internal static partial class InvestmentParser
{
    /// <param name="headerUnit">The unit the header names (计划投资（万元）), applied to bare numbers.</param>
    public static decimal? ToYuan(string text, string? headerUnit)
    {
        var m = Amount().Match(text.Replace(" ", ""));
        if (!m.Success) return null;
        if (!decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
        var unit = m.Groups["u"].Success ? m.Groups["u"].Value : headerUnit;
        return unit switch
        {
            "亿元" or "亿" => QuantityParser.Tidy(value * 100_000_000m),
            "万元" or "万" => QuantityParser.Tidy(value * 10_000m),
            "元" => value,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:约|计划|总投资|投资)?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<u>亿元|万元|元|亿|万)?[。.]?$")]
    private static partial Regex Amount();
}
