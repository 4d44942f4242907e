using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Mapping;

/// <summary>Which column of one table plays which role, built from its header row.</summary>
internal sealed class ColumnMap
{
    private ColumnMap(IReadOnlyList<ColumnRole> roles, IReadOnlyList<string> headers, string? investmentUnitHint)
    {
        Roles = roles;
        Headers = headers;
        InvestmentUnitHint = investmentUnitHint;
    }

    public IReadOnlyList<ColumnRole> Roles { get; }
    public IReadOnlyList<string> Headers { get; }
    /// <summary>万元 when the header reads 计划投资（万元）: bare numbers in that column are then in 万元.</summary>
    public string? InvestmentUnitHint { get; }

    public int IndexOf(ColumnRole role)
    {
        for (var i = 0; i < Roles.Count; i++) if (Roles[i] == role) return i;
        return -1;
    }

    public bool Has(ColumnRole role) => IndexOf(role) >= 0;

    /// <summary>
    /// Maps a header row. 责任单位 means the lead unit unless the table also has a 牵头/主办 column, in which case it
    /// lists the co-units (seed 000 vs the second table of seed 002). Unknown columns are reported once each.
    /// </summary>
    /// <param name="tableUnit">The unit a note above the table gives (单位：万元), for an investment header that names none.</param>
    /// <param name="body">Rows under the header: columns whose header words are unknown or ambiguous are mapped by what these hold.</param>
    public static ColumnMap FromHeader(SourceRow header, IssueLog issues, string? tableUnit = null, IReadOnlyList<SourceRow>? body = null)
    {
        var headers = header.Cells.Select(c => Building.TextCleaner.SingleLine(c.Text)).ToList();
        var roles = headers.Select(HeaderSynonyms.RoleOf).ToList();
        // 总投资 alone is the investment; next to an annual (计划投资/年度投资) column it is kept as an extra field.
        if (!roles.Contains(ColumnRole.Investment) && roles.IndexOf(ColumnRole.TotalInvestment) is var total and >= 0) roles[total] = ColumnRole.Investment;
        var hasLead = roles.Contains(ColumnRole.LeadUnits);
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == ColumnRole.ResponsibleUnits) roles[i] = hasLead ? ColumnRole.CoUnits : ColumnRole.LeadUnits;
            else if (roles[i] == ColumnRole.LeadUnits) hasLead = true;
        }
        if (body is { Count: > 0 }) GuessByContent(roles, headers, header, body, issues);
        // A role claimed twice (two 备注 columns, say): keep the first, keep the rest as extra fields.
        var seen = new HashSet<ColumnRole>();
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == ColumnRole.Unknown) continue;
            if (!seen.Add(roles[i]) && roles[i] is not (ColumnRole.LeadUnits or ColumnRole.CoUnits or ColumnRole.CertificationUnits or ColumnRole.TotalInvestment or ColumnRole.StartDate))
            {
                issues.Warn("column.duplicate", $"A second '{headers[i]}' column was found; it is kept as an extra field.", header.Cells[i].Location);
                roles[i] = ColumnRole.Unknown;
            }
        }
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == ColumnRole.Unknown && headers[i].Length > 0)
                issues.Warn("column.unknown", $"Column '{headers[i]}' is not a known column; its cells are kept as extra fields.", header.Cells[i].Location);
        }
        var investmentHeader = roles.IndexOf(ColumnRole.Investment) is var k and >= 0 ? headers[k] : "";
        var hint = investmentHeader.Contains("亿元") ? "亿元" : investmentHeader.Contains("万元") ? "万元" : investmentHeader.Contains("元") ? "元" : tableUnit;
        return new ColumnMap(roles, headers, hint);
    }

    /// <summary>
    /// Maps columns by their cells where the header words do not settle it: 备注 or an unknown header over department
    /// names is the lead-unit column when there is none, an unknown header over dates the deadline, over sentences the
    /// name (or content), 单位 over department names is no unit of measure, and 工作目标 over bare figures beside a done
    /// column holds target figures. Each guess is reported as "column.guessed" so a person confirms it.
    /// </summary>
    private static void GuessByContent(List<ColumnRole> roles, List<string> headers, SourceRow header, IReadOnlyList<SourceRow> body, IssueLog issues)
    {
        var sample = body.Where(r => !r.IsBlank).Take(30).ToList();
        var completionTable = roles.Contains(ColumnRole.ActualValue) || roles.Contains(ColumnRole.MeasureUnit);
        for (var c = 0; c < roles.Count; c++)
        {
            var kinds = sample.Select(r => CellShape.Classify(Building.TextCleaner.SingleLine(r.TextAt(c))))
                .Where(k => k is not (CellShape.Kind.Blank or CellShape.Kind.Dash)).ToList();
            if (kinds.Count == 0) continue;
            // A small whole number (45) reads as a row number on its own; outside the first column it is a figure.
            bool Mostly(CellShape.Kind kind) =>
                kinds.Count(k => k == kind || kind == CellShape.Kind.Number && k == CellShape.Kind.Sequence && c > 0) * 10 >= kinds.Count * 6;
            var role = roles[c];
            ColumnRole? guess = role switch
            {
                ColumnRole.Remarks or ColumnRole.MeasureUnit or ColumnRole.Unknown when Mostly(CellShape.Kind.Units) && !roles.Contains(ColumnRole.LeadUnits)
                    => ColumnRole.LeadUnits,
                ColumnRole.Unknown when c == 0 && Mostly(CellShape.Kind.Sequence) && !roles.Contains(ColumnRole.Sequence) => ColumnRole.Sequence,
                ColumnRole.Unknown when Mostly(CellShape.Kind.Date) && !roles.Contains(ColumnRole.Deadline) => ColumnRole.Deadline,
                ColumnRole.Unknown when Mostly(CellShape.Kind.MeasureUnit) && !roles.Contains(ColumnRole.MeasureUnit) => ColumnRole.MeasureUnit,
                ColumnRole.Unknown when Mostly(CellShape.Kind.Text) && !roles.Contains(ColumnRole.Name) => ColumnRole.Name,
                ColumnRole.Unknown when Mostly(CellShape.Kind.Text) && !roles.Contains(ColumnRole.Content) => ColumnRole.Content,
                ColumnRole.Content when completionTable && Mostly(CellShape.Kind.Number) && !roles.Contains(ColumnRole.TargetValue) => ColumnRole.TargetValue,
                _ => null,
            };
            if (guess is not { } g) continue;
            roles[c] = g;
            var what = g switch
            {
                ColumnRole.LeadUnits => "lead units",
                ColumnRole.Deadline => "deadlines",
                ColumnRole.Sequence => "sequence numbers",
                ColumnRole.MeasureUnit => "units of measure",
                ColumnRole.Name => "project names",
                ColumnRole.Content => "content",
                _ => "target figures",
            };
            var label = headers[c].Length > 0 ? $" '{headers[c]}'" : "";
            issues.Warn("column.guessed", $"Column {c + 1}{label} was read as {what} by its content; check it.", header.Cells[c].Location);
        }
    }
}
