using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.Intake.Handlers;
using PetitionPlatform.Intake.Repeats;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<Petition> Petitions => Set<Petition>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<MatterState> MatterStates => Set<MatterState>();

    public DbSet<CaseHandler> CaseHandlers => Set<CaseHandler>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Petition>(petition =>
        {
            petition.Ignore(p => p.IsCollective);
            petition.OwnsOne(p => p.Petitioner, petitioner =>
            {
                petitioner.Property(p => p.NameCipher).HasColumnName("petitioner_name_cipher");
                petitioner.Property(p => p.IdNumberCipher).HasColumnName("petitioner_id_number_cipher");
                petitioner.Property(p => p.IdNumberHash).HasColumnName("petitioner_id_number_hash");
                petitioner.Property(p => p.PhoneCipher).HasColumnName("petitioner_phone_cipher");
                petitioner.Property(p => p.PhoneHash).HasColumnName("petitioner_phone_hash");
                petitioner.Property(p => p.AddressCipher).HasColumnName("petitioner_address_cipher");
            });
        });
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => r.Key);
            record.HasOne<Petition>().WithMany().HasForeignKey(r => r.PetitionId);
        });
        modelBuilder.Entity<MatterState>(state =>
        {
            state.HasKey(s => s.PetitionId);
            state.Ignore(s => s.Stage);
            state.HasOne<Petition>().WithOne().HasForeignKey<MatterState>(s => s.PetitionId);
            // Events of one petition are consumed concurrently and each rewrites the row from what it read: xmin (changed by
            // every update) makes the later save fail instead of overwriting, and the retry applies its fact to the winner's row.
            state.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        modelBuilder.Entity<CaseHandler>(handler =>
        {
            handler.HasKey(h => new { h.CaseId, h.OrgId });
            handler.HasOne<Petition>().WithMany().HasForeignKey(h => h.PetitionId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
