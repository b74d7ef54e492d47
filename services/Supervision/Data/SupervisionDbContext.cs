using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Supervision.Data;

public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<LedgerPetition> LedgerPetitions => Set<LedgerPetition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerPetition>(entity =>
        {
            entity.ToTable("ledger_petitions");
            entity.HasKey(p => p.PetitionId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
