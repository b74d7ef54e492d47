using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Data;

public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<LedgerPetition> LedgerPetitions => Set<LedgerPetition>();

    public DbSet<LedgerEvent> LedgerEvents => Set<LedgerEvent>();

    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();

    public DbSet<PetitionLeader> Leaders => Set<PetitionLeader>();

    public DbSet<WarningRegistration> WarningRegistrations => Set<WarningRegistration>();

    public DbSet<ClockWatch> ClockWatches => Set<ClockWatch>();

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
        modelBuilder.Entity<PetitionLeader>(entity =>
        {
            entity.ToTable("petition_leaders");
            entity.HasKey(l => l.PetitionId);
        });
        modelBuilder.Entity<WarningRegistration>(entity =>
        {
            entity.ToTable("warning_registrations");
            entity.HasKey(r => r.PetitionId);
        });
        modelBuilder.Entity<PetitionLink>(entity =>
        {
            entity.ToTable("petition_links");
            entity.HasKey(l => l.PetitionId);
        });
        modelBuilder.Entity<ClockWatch>(entity =>
        {
            entity.ToTable("clock_watch");
            entity.HasKey(w => w.PetitionId);
        });
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddHolidayNotices();
    }
}
