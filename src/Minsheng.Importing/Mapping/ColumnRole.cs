namespace Minsheng.Importing.Mapping;

/// <summary>What a column of the annex table means, whatever the county called it.</summary>
internal enum ColumnRole
{
    Unknown,
    Sequence,
    Name,
    Content,
    Investment,
    Deadline,
    LeadUnits,
    /// <summary>责任单位: the lead unit when the table has no 牵头/主办 column, the co-units when it has one.</summary>
    ResponsibleUnits,
    CoUnits,
    Leader,
    CommandHeadquarters,
    CertificationUnits,
    Remarks,
    Location,
    Completion,
    /// <summary>
    /// 总投资 when the table also has an annual or plan investment column: the annual figure is what this year's plan
    /// commits, so it is the project's investment and the total is kept as an extra field. Alone, it is the investment.
    /// </summary>
    TotalInvestment,
    /// <summary>开工 under 完成时限: the draft has no start date, so it is kept as an extra field, without a warning.</summary>
    StartDate,
    /// <summary>单位 / 计量单位 in a completion table: the unit of measure (万人, 公里, 元/月/人) of the target and done columns.</summary>
    MeasureUnit,
    /// <summary>A bare target figure (工作目标 0.8 beside 单位 万人); text targets stay in <see cref="Content"/>.</summary>
    TargetValue,
    /// <summary>已完成数 / 完成数: the figure achieved, in the row's unit of measure.</summary>
    ActualValue,
    /// <summary>占年任务之比 / 完成率: the printed share of the target achieved.</summary>
    CompletionRate,
}
