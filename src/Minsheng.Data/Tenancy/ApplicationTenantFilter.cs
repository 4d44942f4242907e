using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Switching the application's tenant filter off, leaving row-level security as the only guard: what the leak suite
/// runs a second time with, to prove the database alone holds. Never used outside that suite
/// (<see cref="DatabaseOptions.ApplicationTenantFilter"/>); the switch is here, in the one place that knows both
/// filters, so the proof covers exactly what production runs.
/// </summary>
public static partial class ApplicationTenantFilter
{
    /// <summary>A context built without the named "tenant" query filter (its own model, cached apart).</summary>
    public static void SwitchOff(DbContextOptionsBuilder db) =>
        ((IDbContextOptionsBuilderInfrastructure)db).AddOrUpdateExtension(new FilterOffExtension());

    internal static bool IsOff(DbContext context) => context.GetService<IDbContextOptions>().FindExtension<FilterOffExtension>() is not null;

    /// <summary>
    /// A read statement with its "x.tenant_id = $1" predicates made true for every row (the parameter stays, so
    /// parameter numbering is unchanged). Row-level security still applies to what remains.
    /// </summary>
    public static string WithoutTenantPredicates(string sql) => TenantPredicate().Replace(sql, "($1::uuid IS NOT NULL)");

    [GeneratedRegex(@"\b(?:\w+\.)?tenant_id = \$1\b")]
    private static partial Regex TenantPredicate();

    private sealed class FilterOffExtension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            services.AddSingleton<IModelCacheKeyFactory, FilterAwareModelCacheKeyFactory>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => "ApplicationTenantFilter=off ";
            public override int GetServiceProviderHashCode() => 1;
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Minsheng:ApplicationTenantFilter"] = "off";
        }
    }

    /// <summary>The model of a filter-off context is not the model of a normal one.</summary>
    private sealed class FilterAwareModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), IsOff(context), designTime);
    }
}
