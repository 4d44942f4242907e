namespace Minsheng.Domain.Values;

/// <summary>How an achieved figure is judged against a target value.</summary>
public enum Comparator
{
    /// <summary>不少于 / 以上 / 超过: the actual must be at least the target.</summary>
    AtLeast,
    /// <summary>不高于 / 以下 / 控制在…以内: the actual must not exceed the target.</summary>
    AtMost,
    /// <summary>A plain figure: the target is the planned amount.</summary>
    Exactly,
    /// <summary>达到: a level (rate, coverage) to be reached.</summary>
    Reach,
    /// <summary>约: an approximate amount.</summary>
    About,
}

public static class ComparatorRules
{
    /// <summary>True when <paramref name="actual"/> satisfies the target under this comparator.</summary>
    public static bool IsMet(this Comparator comparator, decimal target, decimal actual) => comparator switch
    {
        Comparator.AtMost => actual <= target,
        // "About" tolerates a 5 % shortfall: a plan saying 约1000 is met by 950.
        Comparator.About => actual >= target * 0.95m,
        _ => actual >= target,
    };
}
