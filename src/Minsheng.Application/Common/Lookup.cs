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
}
