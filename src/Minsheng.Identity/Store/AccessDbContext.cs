using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minsheng.Identity.Clients;
using Minsheng.Identity.Keys;
using Minsheng.Identity.Users;
using OpenIddict.EntityFrameworkCore.Models;

namespace Minsheng.Identity.Store;

/// <summary>
/// The identity tables: users and roles (Identity), OpenIddict's applications, authorizations and tokens, the
/// dashboard clients' settings, and the keys (token keys and Data Protection keys). Platform tables like
/// <c>tenants</c>: a person signs in before any tenant is known, so these are not under the tenant policy; every
/// read for a tenant (the user and client administration) filters by the caller's tenant in the service.
/// Its own migrations and history table, applied after the core schema's.
/// </summary>
/// <remarks>Add a migration with: <c>dotnet ef migrations add Name --project src/Minsheng.Identity --context AccessDbContext</c>.</remarks>
public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__identity_migrations_history";

    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<DashboardClient> DashboardClients => Set<DashboardClient>();
    public DbSet<TokenKey> TokenKeys => Set<TokenKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("openiddict_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("openiddict_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("openiddict_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("openiddict_tokens");

        builder.Entity<PlatformUser>(user =>
        {
            user.ToTable("identity_users");
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.RegionCode).HasMaxLength(6);
            user.HasIndex(u => u.TenantId);
        });
        builder.Entity<IdentityRole<Guid>>(role =>
        {
            role.ToTable("identity_roles");
            // The roles are fixed by the domain (Domain.Access.Roles.All), so they are data of the schema, with stable ids.
            role.HasData(Domain.Access.Roles.All.Select(name => new IdentityRole<Guid>
            {
                Id = RoleId(name), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = name,
            }));
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");

        builder.Entity<UserUnit>(unit =>
        {
            unit.ToTable("identity_user_units");
            unit.HasKey(u => new { u.UserId, u.UnitId });
            unit.HasOne<PlatformUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DashboardClient>(client =>
        {
            client.ToTable("dashboard_clients");
            client.HasIndex(c => c.ClientId).IsUnique();
            client.HasIndex(c => c.TenantId);
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.Name).HasMaxLength(100);
            client.Property(c => c.RegionCode).HasMaxLength(6);
        });
        builder.Entity<TokenKey>(key =>
        {
            key.ToTable("token_keys");
            key.HasKey(k => k.Purpose);
        });
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    /// <summary>
    /// A transaction in which only <paramref name="tenantId"/>'s users and clients exist (row-level security, see
    /// <see cref="AccessGrants.EnableTenantScope"/>): every tenant administrator's read and change runs in one.
    /// </summary>
    public async Task<IDbContextTransaction> BeginTenantTransactionAsync(Guid tenantId, CancellationToken ct)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        await Database.ExecuteSqlRawAsync(Data.Tenancy.TenantSetting.SetLocalStatement(tenantId), ct);
        return transaction;
    }

    /// <summary>A role's fixed id, derived from its name (so migrations and code agree without a lookup).</summary>
    public static Guid RoleId(string name)
    {
        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("minsheng-role:" + name));
        return new Guid(hash);
    }
}
