using Minsheng.Plugins.Abstractions;

namespace Minsheng.Plugins.StatisticsBureau;

/// <summary>
/// When a statistics bureau (统计局, or a 统计 office) is among a project's certifying units, it certifies every target
/// that counts something — households, people, kilometres, places. Rates and shares (%, ‰) are worked out from other
/// figures rather than counted, so they are not certified; nor is money (元, 万元, 亿元), which the finance side audits.
/// A project with no statistics unit named needs no certification here.
/// </summary>
public sealed class StatisticsBureauPolicy : ICertificationPolicy
{
    private static readonly string[] NotCounted = ["%", "‰"];

    public IReadOnlyList<CertificationRequirement> Requirements(CertificationSubject project)
    {
        if (project.Certifiers.FirstOrDefault(IsStatisticsUnit) is not { } bureau) return [];
        return project.Targets.Where(IsCounted).Select(t => new CertificationRequirement(t.Position, bureau)).ToList();
    }

    public static bool IsStatisticsUnit(CertifierUnit unit) => unit.Name.Contains("统计", StringComparison.Ordinal);

    public static bool IsCounted(CertificationTarget target) =>
        !NotCounted.Contains(target.Unit) && !target.Unit.EndsWith('元');
}
