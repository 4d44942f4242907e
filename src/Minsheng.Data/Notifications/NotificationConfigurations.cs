using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Data.Tenancy;
using Minsheng.Domain.Notifications;

namespace Minsheng.Data.Notifications;

internal sealed class NotificationConfiguration : TenantOwnedConfiguration<Notification>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Audience).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.DedupeKey).HasMaxLength(120);
        // An inbox reads its unit's (or the office's) newest first.
        b.HasIndex(n => new { n.TenantId, n.UnitId, n.CreatedAt });
        b.HasIndex(n => new { n.TenantId, n.Audience, n.CreatedAt });
        // A reminder is sent once per project, month and kind, however often the daily round runs.
        b.HasIndex(n => new { n.TenantId, n.DedupeKey }).IsUnique().HasFilter("dedupe_key IS NOT NULL");
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> b)
    {
        b.ToTable("notification_reads");
        b.HasKey(r => new { r.TenantId, r.NotificationId, r.Reader });
        b.Property(r => r.Reader).HasMaxLength(200);
        b.HasOne<Notification>().WithMany().HasForeignKey(r => new { r.TenantId, r.NotificationId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSubscriptionConfiguration : TenantOwnedConfiguration<WebhookSubscription>
{
    protected override void ConfigureEntity(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Url).HasMaxLength(500);
        b.Property(s => s.Secret).HasMaxLength(100);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class WebhookDeliveryConfiguration : TenantOwnedConfiguration<WebhookDelivery>
{
    protected override void ConfigureEntity(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.Property(d => d.Event).HasMaxLength(40);
        b.Property(d => d.Payload).HasColumnType("jsonb");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => new { d.TenantId, d.SubscriptionId }).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's queue: what is pending, soonest first.
        b.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
        b.HasIndex(d => new { d.TenantId, d.SubscriptionId, d.CreatedAt });
    }
}
