using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public DbSet<KnownPetition> KnownPetitions => Set<KnownPetition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownPetition>(entity =>
        {
            entity.ToTable("petitions");
            entity.HasKey(p => p.PetitionId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
