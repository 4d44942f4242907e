using System.Collections.Concurrent;
using System.Globalization;

namespace Minsheng.Data.Caching;

/// <summary>
/// Which tenants' data changed, as a generation counter per scope: a tenant ("t:&lt;id&gt;") and each region that contains
/// it ("r:&lt;code&gt;" of its own code, its prefecture's, its province's and the country's, read from the GB/T 2260 code). A cached answer
/// remembers the generation of its scope when its reading began and is good while that generation stands.
/// <para>
/// A change is counted twice over: by this process at once when it commits one (so it never serves an answer older than
/// its own write), and by every process through PostgreSQL's NOTIFY on <see cref="Channel"/>, which the committing
/// transaction sends and the server's listener turns into <see cref="Received"/>. While no listener is connected nothing may
/// be cached (a write elsewhere would go unseen); losing the connection starts a new epoch, which retires everything.
/// </para>
/// </summary>
public sealed class TenantWrites
{
    public const string Channel = "minsheng_tenant_writes";

    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private long _epoch;
    private int _listening;

    /// <summary>Where an answer's reading began: the epoch and the generation of its scope.</summary>
    public readonly record struct Stamp(long Epoch, long Generation);

    /// <summary>True while this process hears every other process's writes.</summary>
    public bool Listening => Volatile.Read(ref _listening) == 1;

    public static string TenantScope(Guid tenantId) => "t:" + tenantId.ToString("D", CultureInfo.InvariantCulture);

    public static string RegionScope(string regionCode) => "r:" + regionCode;

    public Stamp StampOf(string scope) => new(Volatile.Read(ref _epoch), _generations.GetValueOrDefault(scope));

    public bool IsCurrent(string scope, Stamp stamp) => stamp == StampOf(scope);

    /// <summary>A change to the tenant's data committed (here, or anywhere when heard through NOTIFY).</summary>
    public void Committed(Guid tenantId, string regionCode)
    {
        foreach (var scope in ScopesOf(tenantId, regionCode)) _generations.AddOrUpdate(scope, 1, (_, generation) => generation + 1);
    }

    /// <summary>
    /// The NOTIFY of a change, payload "&lt;tenant id&gt;|&lt;region code&gt;". NOTIFY takes no parameters; a GUID's text is hex
    /// digits and dashes and a region code six digits (checked here), so nothing can escape the literal.
    /// </summary>
    public static string NotifyStatement(Guid tenantId, string regionCode)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit)) throw new ArgumentException($"Not a region code: {regionCode}", nameof(regionCode));
        return $"NOTIFY {Channel}, '{tenantId:D}|{regionCode}'";
    }

    /// <summary>A notification heard from the database; one that cannot be read retires everything rather than be ignored.</summary>
    public void Received(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var tenantId) && parts[1].Length == 6 && parts[1].All(char.IsAsciiDigit))
            Committed(tenantId, parts[1]);
        else
            NewEpoch();
    }

    public void StartedListening()
    {
        // Whatever was cached before may have missed writes while nobody listened.
        NewEpoch();
        Volatile.Write(ref _listening, 1);
    }

    public void StoppedListening()
    {
        Volatile.Write(ref _listening, 0);
        NewEpoch();
    }

    private void NewEpoch() => Interlocked.Increment(ref _epoch);

    /// <summary>The tenant and the regions whose roll-ups include it: its own code, its prefecture's, its province's, the country's.</summary>
    public static IEnumerable<string> ScopesOf(Guid tenantId, string regionCode)
    {
        yield return TenantScope(tenantId);
        if (regionCode.Length != 6) yield break;
        yield return RegionScope(regionCode);
        var prefecture = regionCode[..4] + "00";
        if (prefecture != regionCode) yield return RegionScope(prefecture);
        var province = regionCode[..2] + "0000";
        if (province != prefecture) yield return RegionScope(province);
        yield return RegionScope(Domain.Regions.Region.Country);
    }
}
