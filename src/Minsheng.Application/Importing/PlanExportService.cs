using Microsoft.EntityFrameworkCore;
using Minsheng.Application.Common;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Importing;

namespace Minsheng.Application.Importing;

public enum ExportFormat
{
    Docx,
    Xlsx,
}

public sealed record ExportedFile(string FileName, string MediaType, byte[] Content);

/// <summary>
/// A stored plan back to the annex layout the offices know (.docx or .xlsx), through the importer's own
/// draft model, so what the platform exports it can read back.
/// </summary>
public sealed class PlanExportService(UnitOfWork uow)
{
    public async Task<ExportedFile> ExportAsync(Guid planId, ExportFormat format, CancellationToken ct)
    {
        var draft = await uow.ReadAsync(async db =>
        {
            var plan = await db.Plans.AsNoTracking().FindOwnAsync(planId, ct);
            var projects = await db.Projects.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.SortOrder).ToListAsync(ct);
            var ids = projects.Select(p => p.Id).ToList();
            var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.ProjectId)).OrderBy(i => i.Position).ToListAsync(ct);
            var milestones = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.ProjectId)).OrderBy(m => m.DueDate).ToListAsync(ct);
            var roles = await db.ProjectUnits.AsNoTracking().Where(pu => ids.Contains(pu.ProjectId))
                .Join(db.Units.AsNoTracking(), pu => pu.UnitId, u => u.Id, (pu, u) => new { pu.ProjectId, pu.Role, pu.Position, u.Name })
                .OrderBy(x => x.Position).ToListAsync(ct);

            ProjectDraft ToDraft(Project p) => new()
            {
                Sequence = p.Sequence,
                Name = p.Name,
                Content = p.Content,
                InvestmentYuan = p.InvestmentYuan,
                InvestmentText = p.InvestmentText,
                CommandHeadquarters = p.CommandHeadquarters,
                ResponsibleLeader = p.ResponsibleLeader,
                Deadline = p.Deadline,
                DeadlineText = DeadlineCell(p, milestones.Where(m => m.ProjectId == p.Id), indicators.Where(i => i.ProjectId == p.Id)),
                Remarks = p.Remarks,
                LeadUnits = roles.Where(r => r.ProjectId == p.Id && r.Role == ProjectUnitRole.Lead).Select(r => r.Name).ToList(),
                CoUnits = roles.Where(r => r.ProjectId == p.Id && r.Role == ProjectUnitRole.Co).Select(r => r.Name).ToList(),
                CertificationUnits = roles.Where(r => r.ProjectId == p.Id && r.Role == ProjectUnitRole.Certifier).Select(r => r.Name).ToList(),
                Targets = indicators.Where(i => i.ProjectId == p.Id).Select(i => new TargetDraft
                {
                    Label = i.Label, Comparator = i.Comparator, Value = i.TargetValue, Unit = i.Unit, SourcePhrase = i.SourcePhrase ?? i.Label,
                }).ToList(),
                Milestones = milestones.Where(m => m.ProjectId == p.Id).Select(m => new MilestoneDraft { Due = m.Due, Text = m.Text }).ToList(),
                SubItems = projects.Where(s => s.ParentId == p.Id).Select(ToDraft).ToList(),
            };

            return new PlanDraft
            {
                Title = plan.Title,
                Issuer = plan.Issuer,
                DocumentNumber = plan.DocumentNumber,
                Year = plan.Year,
                IssuedOn = plan.IssuedOn,
                Approval = plan.Approval,
                Projects = projects.Where(p => p.ParentId is null).Select(ToDraft).ToList(),
            };
        }, ct);

        static string? DeadlineCell(Project p, IEnumerable<Milestone> ms, IEnumerable<Indicator> targets)
        {
            // The 完成时限 cell as plans write it: its milestones, one a line, else the deadline. Targets that the
            // content does not state (plans put some in this cell) are written first, so the document keeps them.
            var lines = targets
                .Where(t => t.SourcePhrase is { } phrase && !(p.Content ?? "").Contains(phrase))
                .Select(t => t.Label.Contains(t.SourcePhrase!) ? t.Label : $"{t.Label}{t.SourcePhrase}")
                .Concat(ms.Select(m => m.Text))
                .ToList();
            return lines.Count > 0 ? string.Join("\n", lines) : p.Deadline?.ToString();
        }

        var name = string.Concat((draft.Title ?? "plan").Where(c => !Path.GetInvalidFileNameChars().Contains(c)));
        return format switch
        {
            ExportFormat.Xlsx => new ExportedFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PlanExporter.ToXlsx(draft)),
            _ => new ExportedFile(name + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PlanExporter.ToDocx(draft)),
        };
    }
}
