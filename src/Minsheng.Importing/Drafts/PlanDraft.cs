using Minsheng.Domain.Values;

namespace Minsheng.Importing;

/// <summary>What kind of document was read: an annual plan (任务清单/台账) or a year-end 完成情况 disclosure.</summary>
public enum PlanKind
{
    Plan,
    CompletionDisclosure,
}

/// <summary>
/// A plan as read from a document, before anything is written to the database. Every field is what the
/// document says; nothing is resolved against tenant data except unit names (through <see cref="IUnitDirectory"/>).
/// </summary>
public sealed class PlanDraft
{
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    /// <summary>As printed, e.g. 泾政办发〔2023〕4号.</summary>
    public string? DocumentNumber { get; set; }
    public int? Year { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>The sentence saying who approved the plan, e.g. 经县政府研究同意.</summary>
    public string? Approval { get; set; }
    public PlanKind Kind { get; set; } = PlanKind.Plan;
    public List<ProjectDraft> Projects { get; set; } = [];
    /// <summary>Other facts around the table: addressees, attachment line, contact, publication note.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>Top-level projects and their sub-items, depth first.</summary>
    public IEnumerable<ProjectDraft> AllProjects() => Projects.SelectMany(p => new[] { p }.Concat(p.SubItems));
}

/// <summary>One row (or group of rows) of the annex table: a 实事, or a sub-item "(1)" of one.</summary>
public sealed class ProjectDraft
{
    /// <summary>As printed: "9"; sub-items "9(1)".</summary>
    public string Sequence { get; set; } = "";
    /// <summary>The name as printed (whitespace tidied), category tag kept: "…（省定）".</summary>
    public string Name { get; set; } = "";
    /// <summary>The raw tag text such as 省定 or 市定, null when the name has none. Plugins decide what it means.</summary>
    public string? CategoryTag { get; set; }
    /// <summary>The caption or heading the project sits under (table title, 一、省定民生实事 …), when there is one.</summary>
    public string? Section { get; set; }
    public string? Content { get; set; }
    public decimal? InvestmentYuan { get; set; }
    /// <summary>The investment cell as printed: "1.05亿元", "已建设完成，运营中。".</summary>
    public string? InvestmentText { get; set; }
    public List<string> LeadUnits { get; set; } = [];
    public List<string> CoUnits { get; set; } = [];
    public List<string> CertificationUnits { get; set; } = [];
    public string? ResponsibleLeader { get; set; }
    public string? CommandHeadquarters { get; set; }
    public Deadline? Deadline { get; set; }
    /// <summary>The 完成时限 cell as printed (may hold month-by-month milestones).</summary>
    public string? DeadlineText { get; set; }
    public string? Remarks { get; set; }
    public string? Location { get; set; }
    /// <summary>For completion disclosures: the 完成情况 text as printed.</summary>
    public string? CompletionText { get; set; }
    public List<TargetDraft> Targets { get; set; } = [];
    public List<MilestoneDraft> Milestones { get; set; } = [];
    public List<ProjectDraft> SubItems { get; set; } = [];
    /// <summary>Columns the importer does not know, by their header text.</summary>
    public Dictionary<string, string> ExtraFields { get; set; } = [];
    /// <summary>Where the project starts in the source document ("line 42", "table 1, row 5").</summary>
    public string? SourceLocation { get; set; }
}

/// <summary>A quantified target (目标) read from a project's content.</summary>
public sealed class TargetDraft
{
    /// <summary>The clause the figure stands in, e.g. 全年新开工改造不少于6910户.</summary>
    public string Label { get; set; } = "";
    public Comparator Comparator { get; set; }
    /// <summary>The figure with 万/亿 multipliers applied (1.3万人次 → 13000). Money keeps its printed unit (5500万元 → 5500, 万元).</summary>
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>The exact words of the figure: 不少于6910户, 1.3万人次, 达到65%.</summary>
    public string SourcePhrase { get; set; } = "";
    /// <summary>Completion disclosures only: the year-end figure, in this target's unit.</summary>
    public decimal? Actual { get; set; }
    /// <summary>Actual ÷ target (for at-most targets: 1 when under the ceiling), rounded to 4 places.</summary>
    public decimal? CompletionRatio { get; set; }
    /// <summary>The words the actual was read from.</summary>
    public string? ActualPhrase { get; set; }
}

/// <summary>A dated step: "3月底，完成筛查1140人". May advance one target of the same project by a cumulative figure.</summary>
public sealed class MilestoneDraft
{
    public Deadline Due { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Index into the project's <see cref="ProjectDraft.Targets"/> of the target this step advances.</summary>
    public int? TargetIndex { get; set; }
    /// <summary>The cumulative figure of that target due by <see cref="Due"/>, in the target's unit.</summary>
    public decimal? CumulativeValue { get; set; }
    /// <summary>The heading the step sits under inside the 完成时限 cell, e.g. （二）农村户厕改造.</summary>
    public string? Section { get; set; }
}
