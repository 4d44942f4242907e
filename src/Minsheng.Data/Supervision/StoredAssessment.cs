using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Tenancy;

namespace Minsheng.Data.Supervision;

/// <summary>
/// A project's assessment as worked out for one day, kept so that a page of projects with their lights reads one row per
/// project instead of every report, target and milestone behind it. Not a record of anything: the database itself marks
/// it stale whenever an input of the rules changes (triggers bump <see cref="Epoch"/> and clear the day), and a reader
/// stores a fresh one only if the epoch it computed from is still the current one. The application never inserts rows;
/// the database adds one with each project.
/// </summary>
public sealed class StoredAssessment : ITenantOwned
{
    private StoredAssessment() { }

    public Guid TenantId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>Bumped by every change to an input of the project's assessment.</summary>
    public long Epoch { get; private set; }

    /// <summary>The day the assessment below was worked out for; null when stale.</summary>
    public DateOnly? AssessedOn { get; private set; }

    // The assessment, as plain columns and arrays: a page reads twenty of them, and parsing JSON cost more than the rest.
    public string? Status { get; private set; }
    public string? Light { get; private set; }
    public int? ProgressPercent { get; private set; }
    public int? ElapsedPercent { get; private set; }
    public DateOnly? LightSince { get; private set; }
    public bool? SupervisionSuggested { get; private set; }
    public string[]? ReasonCodes { get; private set; }
    public string[]? ReasonLights { get; private set; }
    public string[]? ReasonMessages { get; private set; }
}

internal sealed class StoredAssessmentConfiguration : IEntityTypeConfiguration<StoredAssessment>
{
    public void Configure(EntityTypeBuilder<StoredAssessment> b)
    {
        b.ToTable("project_assessments");
        b.HasKey(a => new { a.TenantId, a.ProjectId });
        b.Property(a => a.Epoch).HasDefaultValue(0L);
        b.Property(a => a.Status).HasMaxLength(20);
        b.Property(a => a.Light).HasMaxLength(10);
        b.HasOne<Project>().WithMany().HasForeignKey(a => new { a.TenantId, a.ProjectId }).OnDelete(DeleteBehavior.Cascade);
    }
}
