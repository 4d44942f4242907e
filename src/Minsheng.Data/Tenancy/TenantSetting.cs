using System.Globalization;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// The per-transaction setting row-level security reads. It holds a set of tenant ids so that a region
/// roll-up can use the same policy. Written with SET LOCAL (not set_config) because on Citus only
/// SET LOCAL propagates to the workers; SET takes no bind parameter, so values are inlined only after
/// being parsed as UUIDs.
/// </summary>
public static class TenantSetting
{
    public const string Name = "app.tenant_ids";

    public static string SetLocalStatement(IEnumerable<Guid> tenantIds)
    {
        // Guid.ToString("D") yields only hex digits and dashes: nothing can escape the literal.
        var value = string.Join(',', tenantIds.Select(id => id.ToString("D", CultureInfo.InvariantCulture)));
        if (value.Length == 0) throw new ArgumentException("At least one tenant id is required.", nameof(tenantIds));
        return $"SET LOCAL {Name} = '{value}'";
    }

    public static string SetLocalStatement(Guid tenantId) => SetLocalStatement([tenantId]);
}
