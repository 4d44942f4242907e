using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Application.Common;

internal static class Lookup
{
    /// <summary>
    /// The entity with this id, through the tenant filter: another tenant's row is simply not found, and
    /// the caller gets NOT_FOUND rather than a hint that it exists.
    /// </summary>
    public static async Task<T> FindOwnAsync<T>(this IQueryable<T> set, Guid id, CancellationToken ct) where T : TenantEntity =>
        await set.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw DomainException.NotFound(typeof(T).Name, id);

    /// <summary>
    /// The project with this id, locked for the rest of the transaction and read after the lock: commands that decide on
    /// a project's state (a notice, a close-out, a change decision) then run one after another, each seeing the last.
    /// </summary>
    public static async Task<Domain.Plans.Project> LockProjectAsync(this Data.MinshengDbContext db, Guid id, CancellationToken ct)
    {
        var project = await db.Projects.FindOwnAsync(id, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM projects WHERE tenant_id = {project.TenantId} AND id = {project.Id} FOR UPDATE", ct);
        await db.Entry(project).ReloadAsync(ct);
        return project;
    }
}
