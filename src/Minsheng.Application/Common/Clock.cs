namespace Minsheng.Application.Common;

public static class Clock
{
    /// <summary>Today's date where the server runs (a county's working day); tests pin it with a fixed TimeProvider.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
