using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Tenancy;

namespace Minsheng.Application.Common;

/// <summary>People bound to units (clerks, heads) act only for projects their units lead; the developer of a Development server for any.</summary>
internal static class LeadUnitGuard
{
    public static async Task RequireAsync(MinshengDbContext db, Caller caller, Guid projectId, CancellationToken ct)
    {
        if (caller.Kind == CallerKind.Developer) return;
        var leads = await db.ProjectUnits.Where(pu => pu.ProjectId == projectId && pu.Role == ProjectUnitRole.Lead).Select(pu => pu.UnitId).ToListAsync(ct);
        if (!leads.Any(caller.UnitIds.Contains))
            throw new DomainException(DomainErrorKind.Forbidden, "Only the lead unit's clerk and head act on this project's reports and milestones.");
    }
}
