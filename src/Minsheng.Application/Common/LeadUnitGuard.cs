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
        Require(caller, await LeadUnitsOf(db, projectId).ToListAsync(ct));
    }

    /// <summary>The same check on lead units read along with something else (one statement instead of two).</summary>
    public static void Require(Caller caller, IEnumerable<Guid> leadUnits)
    {
        if (caller.Kind == CallerKind.Developer) return;
        if (!leadUnits.Any(caller.UnitIds.Contains))
            throw new DomainException(DomainErrorKind.Forbidden, "Only the lead unit's clerk and head act on this project's reports and milestones.");
    }

    /// <summary>The units that lead a project, as a query to read on its own or inside another one.</summary>
    public static IQueryable<Guid> LeadUnitsOf(MinshengDbContext db, Guid projectId) =>
        db.ProjectUnits.Where(pu => pu.ProjectId == projectId && pu.Role == ProjectUnitRole.Lead).Select(pu => pu.UnitId);
}
