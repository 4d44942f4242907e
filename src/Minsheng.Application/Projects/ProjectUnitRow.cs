using Minsheng.Application.Units;
using Minsheng.Domain.Plans;

namespace Minsheng.Application.Projects;

/// <summary>A unit named on a project in one role (lead, co-operating, certifying), in its position within that role.</summary>
public sealed record ProjectUnitRow(Guid ProjectId, ProjectUnitRole Role, int Position, UnitRow Unit);
