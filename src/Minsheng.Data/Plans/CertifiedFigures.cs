namespace Minsheng.Data.Plans;

/// <summary>The database's guard of certified figures (migration TargetCertifications).</summary>
public static class CertifiedFigures
{
    /// <summary>
    /// Raised by the trigger on report_actuals when a figure other than the certified one is written for a target whose
    /// latest certification decision is "certified": every path that writes figures (a report, a correction, an import)
    /// meets the same refusal.
    /// </summary>
    public const string FrozenSqlState = "MS001";
}
