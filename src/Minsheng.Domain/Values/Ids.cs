namespace Minsheng.Domain.Values;

public static class Ids
{
    /// <summary>UUID v7: time-ordered, so new rows append to the end of primary-key indexes.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
