using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain;
using Minsheng.Domain.Plans;
using Minsheng.Domain.Regions;
using Minsheng.Domain.Reports;
using Minsheng.Domain.Tenancy;
using Minsheng.Domain.Units;

namespace Minsheng.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6).IsFixedLength();
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ParentCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("tenants");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(t => t.RegionCode).IsUnique();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<Plan>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Issuer).HasMaxLength(200);
        b.Property(p => p.DocumentNumber).HasMaxLength(100);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.SourceDocumentName).HasMaxLength(300);
        b.Property(p => p.SourceDocumentHash).HasMaxLength(64);
        b.HasIndex(p => new { p.TenantId, p.Year });
        // Re-importing the same document is a no-op: at most one plan per document per tenant.
        b.HasIndex(p => new { p.TenantId, p.SourceDocumentHash }).IsUnique().HasFilter("source_document_hash IS NOT NULL");
        b.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<Project>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.Ignore(p => p.Deadline);
        b.Property(p => p.Sequence).HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.CategoryCode).HasMaxLength(40);
        b.Property(p => p.InvestmentYuan).HasPrecision(18, 2);
        b.Property(p => p.InvestmentText).HasMaxLength(300);
        b.Property(p => p.CommandHeadquarters).HasMaxLength(200);
        b.Property(p => p.ResponsibleLeader).HasMaxLength(100);
        b.Property(p => p.DeadlinePrecision).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => new { p.TenantId, p.PlanId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(p => new { p.TenantId, p.ParentId }).OnDelete(DeleteBehavior.Cascade);
        // The project page reads a tenant's projects in plan order.
        b.HasIndex(p => new { p.TenantId, p.PlanId, p.SortOrder });
        b.HasIndex(p => new { p.TenantId, p.SortOrder, p.Id });
    }
}

internal sealed class ProjectUnitConfiguration(MinshengDbContext context) : IEntityTypeConfiguration<ProjectUnit>
{
    public void Configure(EntityTypeBuilder<ProjectUnit> b)
    {
        b.ToTable("project_units");
        b.HasKey(pu => new { pu.TenantId, pu.ProjectId, pu.Role, pu.UnitId });
        b.Property(pu => pu.Role).HasConversion<string>().HasMaxLength(20);
        b.HasQueryFilter(TenantOwnedConfiguration<Plan>.FilterName, pu => pu.TenantId == context.CurrentTenantId);
        b.HasOne<Project>().WithMany().HasForeignKey(pu => new { pu.TenantId, pu.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(pu => new { pu.TenantId, pu.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(pu => new { pu.TenantId, pu.UnitId });
    }
}

internal sealed class IndicatorConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<Indicator>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Ignore(i => i.Target);
        b.Property(i => i.Label).HasMaxLength(300);
        b.Property(i => i.Comparator).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.TargetValue).HasPrecision(20, 4);
        b.Property(i => i.Unit).HasMaxLength(20);
        b.HasOne<Project>().WithMany().HasForeignKey(i => new { i.TenantId, i.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.TenantId, i.ProjectId, i.Position });
    }
}

internal sealed class MilestoneConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<Milestone>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("milestones");
        b.Ignore(m => m.Due);
        b.Property(m => m.DuePrecision).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.CumulativeValue).HasPrecision(20, 4);
        b.HasOne<Project>().WithMany().HasForeignKey(m => new { m.TenantId, m.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        // Restrict, not SET NULL: SET NULL would null tenant_id too; deleting a target unlinks its milestones first.
        b.HasOne<Indicator>().WithMany().HasForeignKey(m => new { m.TenantId, m.IndicatorId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.TenantId, m.ProjectId, m.DueDate });
    }
}

internal sealed class UnitConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<Unit>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        b.HasIndex(u => new { u.TenantId, u.Name }).IsUnique();
    }
}

internal sealed class ProgressReportConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<ProgressReport>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("progress_reports");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.InvestmentCompletedYuan).HasPrecision(18, 2);
        b.HasOne<Project>().WithMany().HasForeignKey(r => new { r.TenantId, r.ProjectId }).OnDelete(DeleteBehavior.Cascade);
        // One report per project and month; also serves "latest report of each project" (period desc).
        b.HasIndex(r => new { r.TenantId, r.ProjectId, r.Period }).IsUnique().IsDescending(false, false, true);
    }
}

internal sealed class ReportActualConfiguration(MinshengDbContext context) : IEntityTypeConfiguration<ReportActual>
{
    public void Configure(EntityTypeBuilder<ReportActual> b)
    {
        b.ToTable("report_actuals");
        b.HasKey(a => new { a.TenantId, a.ReportId, a.IndicatorId });
        b.Property(a => a.Value).HasPrecision(20, 4);
        b.HasQueryFilter(TenantOwnedConfiguration<Plan>.FilterName, a => a.TenantId == context.CurrentTenantId);
        b.HasOne<ProgressReport>().WithMany().HasForeignKey(a => new { a.TenantId, a.ReportId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(a => new { a.TenantId, a.IndicatorId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.TenantId, a.IndicatorId });
    }
}

internal sealed class AuditEntryConfiguration(MinshengDbContext context) : TenantOwnedConfiguration<AuditEntry>(context)
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.Actor).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.EntityType).HasMaxLength(50);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.HasIndex(a => new { a.TenantId, a.EntityId });
    }
}
