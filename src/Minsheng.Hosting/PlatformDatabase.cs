using Minsheng.Data;
using Minsheng.Identity.Store;

namespace Minsheng.Hosting;

/// <summary>The whole schema: the core tables (and the application role), then the identity tables granted to it.</summary>
public static class PlatformDatabase
{
    public static async Task MigrateAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        await DatabaseSetup.MigrateAsync(ownerConnectionString, ct);
        await AccessDatabase.MigrateAsync(ownerConnectionString, ct);
    }
}
