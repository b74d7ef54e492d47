using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Audit.Data;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(entity =>
        {
            entity.ToTable("audit_entries");
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).ValueGeneratedNever();
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
