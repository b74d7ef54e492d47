using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public DbSet<KnownPetition> KnownPetitions => Set<KnownPetition>();

    public DbSet<PetitionerCode> PetitionerCodes => Set<PetitionerCode>();

    public DbSet<RoutingDecision> RoutingDecisions => Set<RoutingDecision>();

    public DbSet<NotificationMessage> Notifications => Set<NotificationMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownPetition>(entity =>
        {
            entity.ToTable("petitions");
            entity.HasKey(p => p.PetitionId);
            entity.Ignore(p => p.IsReport);
        });
        modelBuilder.Entity<PetitionerCode>(entity =>
        {
            entity.ToTable("petitioner_codes");
            entity.HasKey(c => c.PetitionId);
        });
        modelBuilder.Entity<RoutingDecision>(entity =>
        {
            entity.ToTable("routing_decisions");
            entity.HasKey(d => new { d.PetitionId, d.Attempt });
        });
        modelBuilder.Entity<NotificationMessage>(entity =>
        {
            entity.ToTable("notifications");
            entity.HasKey(n => n.Id);
            entity.Ignore(n => n.Recipient);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
