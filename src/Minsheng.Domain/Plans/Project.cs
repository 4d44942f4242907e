using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Values;

namespace Minsheng.Domain.Plans;

/// <summary>What a project's content says, as its editable fields.</summary>
public sealed record ProjectDetails(
    string Sequence,
    string Name,
    string? Content = null,
    string? CategoryCode = null,
    decimal? InvestmentYuan = null,
    string? InvestmentText = null,
    string? CommandHeadquarters = null,
    string? ResponsibleLeader = null,
    Deadline? Deadline = null,
    string? Remarks = null);

/// <summary>Whether a project is being carried out. Only a change decision suspends, resumes or cancels one; 销号 closes it.</summary>
public enum ProjectState
{
    Active,
    /// <summary>Paused by a change decision (缓建); resumed by another.</summary>
    Suspended,
    /// <summary>Withdrawn from the plan by a change decision; kept, with the decision, so the published plan stays explainable.</summary>
    Cancelled,
    /// <summary>销号: completed and closed by the supervision office, with who and why.</summary>
    ClosedOut,
}

/// <summary>One 实事 of a plan. Sub-items ((1)(2)(3) under one number) point to their parent.</summary>
public sealed class Project : TenantEntity
{
    private Project() { Sequence = Name = ""; }

    public Project(Guid planId, int sortOrder, ProjectDetails details, Guid? parentId = null)
    {
        PlanId = planId;
        ParentId = parentId;
        SortOrder = sortOrder;
        Sequence = Name = "";
        Update(details);
    }

    public Guid PlanId { get; private set; }
    public Guid? ParentId { get; private set; }
    /// <summary>Position within the plan; orders the annex table.</summary>
    public int SortOrder { get; private set; }
    /// <summary>The number as printed: "9", "9(1)".</summary>
    public string Sequence { get; private set; }
    /// <summary>The name as printed, with any category tag such as （省定） kept raw.</summary>
    public string Name { get; private set; }
    public string? Content { get; private set; }
    /// <summary>Plugin-defined category: provincial, municipal, local …</summary>
    public string? CategoryCode { get; private set; }
    public decimal? InvestmentYuan { get; private set; }
    /// <summary>The investment cell as printed, e.g. "1.05亿元" or "已建设完成，运营中".</summary>
    public string? InvestmentText { get; private set; }
    public string? CommandHeadquarters { get; private set; }
    public string? ResponsibleLeader { get; private set; }
    public DateOnly? DeadlineDate { get; private set; }
    public DatePrecision? DeadlinePrecision { get; private set; }
    public string? Remarks { get; private set; }
    public ProjectState State { get; private set; } = ProjectState.Active;
    public string? ClosedOutBy { get; private set; }
    public DateTimeOffset? ClosedOutAt { get; private set; }
    /// <summary>Why the office closed it out (销号): the acceptance, the certification, what was found.</summary>
    public string? ClosureNote { get; private set; }

    /// <summary>PostgreSQL's xmin: a close-out, a decision and an edit acting on one project at once cannot both win.</summary>
    public uint Version { get; private set; }

    public Deadline? Deadline => DeadlineDate is { } d && DeadlinePrecision is { } p ? new Deadline(d, p) : null;

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    /// <summary>销号. Whether the project is in fact completed is the caller's check (it needs the reports).</summary>
    public void CloseOut(string by, string note, DateTimeOffset at)
    {
        if (State != ProjectState.Active)
            throw DomainException.IllegalTransition($"A project that is {State.ToString().ToLowerInvariant()} cannot be closed out; only an active one can.");
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length is 0 or > 1000) throw DomainException.Invalid("note", "销号 needs a note of at most 1,000 characters saying why (acceptance, certification).");
        State = ProjectState.ClosedOut;
        ClosedOutBy = by;
        ClosedOutAt = at;
        ClosureNote = trimmed;
    }

    /// <summary>Applied by a change decision only.</summary>
    public void ChangeState(ProjectState to)
    {
        var allowed = to switch
        {
            ProjectState.Suspended => State == ProjectState.Active,
            ProjectState.Active => State == ProjectState.Suspended,
            ProjectState.Cancelled => State is ProjectState.Active or ProjectState.Suspended,
            _ => false,
        };
        if (!allowed)
            throw DomainException.IllegalTransition($"A project that is {State.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()} by a change decision.");
        State = to;
    }

    /// <summary>Applied by a change decision only (an ordinary edit of a published plan may not move it).</summary>
    public void MoveDeadline(Deadline deadline)
    {
        DeadlineDate = deadline.Date;
        DeadlinePrecision = deadline.Precision;
    }

    public void Update(ProjectDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name)) throw DomainException.Invalid("name", "A project needs a name.");
        if (details.Name.Trim().Length > 300) throw DomainException.Invalid("name", "A project name is at most 300 characters.");
        if (string.IsNullOrWhiteSpace(details.Sequence)) throw DomainException.Invalid("sequence", "A project needs its sequence number as printed (e.g. \"9\" or \"9(1)\").");
        if (details.InvestmentYuan is < 0) throw DomainException.Invalid("investmentYuan", "Investment cannot be negative.");
        if (details.CategoryCode is { } code && !IsCategoryCode(code))
            throw DomainException.Invalid("categoryCode", $"'{code}' is not a category code (lower-case letters, digits and '-').");
        Sequence = Plan.Limit(details.Sequence.Trim(), 20, "sequence")!;
        Name = details.Name.Trim();
        Content = Plan.Blank(details.Content);
        CategoryCode = Plan.Blank(details.CategoryCode);
        InvestmentYuan = Plan.Range(details.InvestmentYuan, 1e16m, "investmentYuan");
        InvestmentText = Plan.Limit(Plan.Blank(details.InvestmentText), 300, "investmentText");
        CommandHeadquarters = Plan.Limit(Plan.Blank(details.CommandHeadquarters), 200, "commandHeadquarters");
        ResponsibleLeader = Plan.Limit(Plan.Blank(details.ResponsibleLeader), 100, "responsibleLeader");
        DeadlineDate = details.Deadline?.Date;
        DeadlinePrecision = details.Deadline?.Precision;
        Remarks = Plan.Blank(details.Remarks);
    }

    private static bool IsCategoryCode(string code) =>
        code.Length is > 0 and <= 40 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

public enum ProjectUnitRole
{
    /// <summary>主办 / 牵头 / 责任单位: files the monthly reports.</summary>
    Lead,
    /// <summary>协办单位.</summary>
    Co,
    /// <summary>认定单位: certifies achieved figures.</summary>
    Certifier,
}

/// <summary>A unit's part in a project. Ordered, because the first lead unit is the one named on reports.</summary>
public sealed class ProjectUnit : ITenantOwned
{
    private ProjectUnit() { }

    public ProjectUnit(Guid projectId, Guid unitId, ProjectUnitRole role, int position)
    {
        ProjectId = projectId;
        UnitId = unitId;
        Role = role;
        Position = position;
    }

    public Guid TenantId { get; set; }
    public Guid ProjectId { get; private set; }
    public Guid UnitId { get; private set; }
    public ProjectUnitRole Role { get; private set; }
    public int Position { get; private set; }
}
