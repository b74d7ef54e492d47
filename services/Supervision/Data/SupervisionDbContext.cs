using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Supervision.Data;

public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<LedgerPetition> LedgerPetitions => Set<LedgerPetition>();

    public DbSet<LedgerEvent> LedgerEvents => Set<LedgerEvent>();

    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerPetition>(entity =>
        {
            entity.ToTable("ledger_petitions");
            entity.HasKey(p => p.PetitionId);
        });
        modelBuilder.Entity<LedgerEvent>(entity =>
        {
            entity.ToTable("ledger_events");
            entity.HasKey(e => e.MessageId);
            entity.Property(e => e.Body).HasColumnType("jsonb");
        });
        modelBuilder.Entity<SupervisionNotice>(entity =>
        {
            entity.ToTable("supervision_notices");
            entity.HasKey(n => n.Id);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
