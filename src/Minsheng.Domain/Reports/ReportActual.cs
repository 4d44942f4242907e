using Minsheng.Domain.Tenancy;

namespace Minsheng.Domain.Reports;

/// <summary>
/// The achieved figure of one target as a report states it (cumulative for the year so far). Year-end
/// completion disclosures (完成情况) are recorded as December reports carrying these.
/// </summary>
public sealed class ReportActual : ITenantOwned
{
    private ReportActual() { }

    public ReportActual(Guid reportId, Guid indicatorId, decimal value)
    {
        ReportId = reportId;
        IndicatorId = indicatorId;
        Revise(value);
    }

    /// <summary>A corrected figure for the same target in the same report.</summary>
    public void Revise(decimal value)
    {
        if (value < 0) throw DomainException.Invalid("value", "An achieved figure cannot be negative.");
        Plans.Plan.Range(value, 1e16m, "value");
        Value = value;
    }

    public Guid TenantId { get; set; }
    public Guid ReportId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public decimal Value { get; private set; }
}
