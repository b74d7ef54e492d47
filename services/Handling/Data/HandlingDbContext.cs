using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Handling.Data;

public sealed class HandlingDbContext(DbContextOptions<HandlingDbContext> options) : DbContext(options)
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
