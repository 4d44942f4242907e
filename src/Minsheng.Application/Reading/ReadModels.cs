using Minsheng.Domain.Plans;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Values;

namespace Minsheng.Application.Reading;

// Rows as the API shows them. Read straight from SQL; the write model (Minsheng.Domain) guards changes.

public sealed record PlanRow(Guid Id, int Year, string Title, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn,
    string? Approval, PlanStatus Status, string? SourceDocumentName);

public sealed record ProjectRow(Guid Id, Guid PlanId, Guid? ParentId, int SortOrder, string Sequence, string Name, string? Content,
    string? CategoryCode, decimal? InvestmentYuan, string? InvestmentText, string? CommandHeadquarters, string? ResponsibleLeader,
    Deadline? Deadline, string? Remarks);

public sealed record IndicatorRow(Guid Id, Guid ProjectId, int Position, string Label, Comparator Comparator, decimal TargetValue,
    string Unit, string? SourcePhrase);

public sealed record MilestoneRow(Guid Id, Guid ProjectId, Deadline Due, string Text, Guid? IndicatorId, decimal? CumulativeValue);

public sealed record UnitRow(Guid Id, string Name, IReadOnlyList<string> Aliases);

public sealed record ProjectUnitRow(Guid ProjectId, ProjectUnitRole Role, int Position, UnitRow Unit);

public sealed record ReportRow(Guid Id, Guid ProjectId, DateOnly Period, ReportStatus Status, string? Progress, string? Problems,
    string? NextSteps, decimal? InvestmentCompletedYuan, DateTimeOffset? SubmittedAt);

public sealed record ActualRow(Guid ReportId, Guid IndicatorId, decimal Value);

public sealed record RegionRow(string Code, string Name, string Level, string? ParentCode);
