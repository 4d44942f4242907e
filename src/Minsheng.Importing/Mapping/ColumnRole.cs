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
}
