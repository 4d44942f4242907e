using Minsheng.Domain.Regions;

namespace Minsheng.Domain.Tenancy;

public enum TenantStatus
{
    Active,
    Suspended,
    Provisioning,
    /// <summary>
    /// The government stopped using the platform: refused at once, never deleted, so its plans and audit
    /// trail stay and enabling it again brings them back. Stored as text, so adding it changes no schema.
    /// </summary>
    Disabled,
}

/// <summary>A government using the platform. One per region; shared reference data, not tenant-owned.</summary>
public sealed class Tenant
{
    private Tenant() { RegionCode = Name = ""; EnabledPlugins = []; }

    public Tenant(Guid id, string regionCode, string name, RegionLevel level, IEnumerable<string>? enabledPlugins = null)
    {
        if (!Region.IsValidCode(regionCode)) throw DomainException.Invalid(nameof(regionCode), $"'{regionCode}' is not a six-digit region code.");
        Id = id;
        RegionCode = regionCode;
        Name = name;
        Level = level;
        EnabledPlugins = enabledPlugins?.ToArray() ?? [];
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; }
    public string Name { get; private set; }
    public RegionLevel Level { get; private set; }
    public TenantStatus Status { get; set; } = TenantStatus.Active;

    /// <summary>The day of the following month by which a month's report is due (1–28; the tenant sets it).</summary>
    public int ReportDueDay { get; private set; } = DefaultReportDueDay;

    public const int DefaultReportDueDay = 5;

    public void SetReportDueDay(int day)
    {
        if (day is < 1 or > 28) throw DomainException.Invalid("dueDay", "The due day must be between 1 and 28 (every month has it).");
        ReportDueDay = day;
    }
    public string[] EnabledPlugins { get; set; }

    /// <summary>The tenant's own status and light thresholds; null: its plugins' or the platform's defaults.</summary>
    public Supervision.StatusThresholds? StatusThresholds { get; private set; }

    public void SetStatusThresholds(Supervision.StatusThresholds thresholds) => StatusThresholds = thresholds.Validated();
}
