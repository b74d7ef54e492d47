using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;

namespace PetitionPlatform.Handling.Data;

public sealed class HandlingDbContext(DbContextOptions<HandlingDbContext> options) : DbContext(options)
{
    public DbSet<KnownPetition> KnownPetitions => Set<KnownPetition>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Termination> Terminations => Set<Termination>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownPetition>(entity =>
        {
            entity.ToTable("petitions");
            entity.HasKey(p => p.PetitionId);
        });
        modelBuilder.Entity<Case>(entity =>
        {
            entity.ToTable("cases");
            entity.HasKey(c => c.Id);
            entity.Ignore(c => c.DueBy);
            entity.Ignore(c => c.DueByProvisional);
            entity.Property(c => c.CoHandlerOrgIds).HasColumnType("text[]");
            // Part of the case's own row (jsonb), so that adding findings is a change of the case under its row version.
            entity.OwnsMany(c => c.Findings, findings => findings.ToJson("findings"));
            // Hearings too: a second hearing is checked for overlap against the first under the same row version.
            entity.Ignore(c => c.HearingDays);
            entity.OwnsMany(c => c.Hearings, hearings =>
            {
                hearings.ToJson("hearings");
                hearings.Ignore(h => h.Days);
            });
            // xmin changes with every update of the row: the optimistic concurrency token, without a column of our own.
            entity.Property(c => c.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        modelBuilder.Entity<Termination>(entity =>
        {
            entity.ToTable("terminations");
            entity.HasKey(t => t.PetitionId);
            entity.Ignore(t => t.Refusal);
        });
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddHolidayNotices();
    }
}
