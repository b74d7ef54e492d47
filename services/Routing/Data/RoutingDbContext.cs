using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<RoutingRequest> RoutingRequests => Set<RoutingRequest>();

    public DbSet<RoutingDecision> RoutingDecisions => Set<RoutingDecision>();

    public DbSet<Termination> Terminations => Set<Termination>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<UnitKind> UnitKinds => Set<UnitKind>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<ClassificationEntry> ClassificationEntries => Set<ClassificationEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RoutingRequest>(entity =>
        {
            entity.ToTable("routing_requests");
            entity.HasKey(p => p.PetitionId);
            entity.Ignore(p => p.Facts);
            // A decline, a reroute and another copy of a decline can be handled at once, each deciding from what it read:
            // xmin (changed by every update) makes the second save fail and be retried on what the first wrote
            // (DecisionLog.Record always updates the row for that reason).
            entity.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        });
        modelBuilder.Entity<RoutingDecision>(entity =>
        {
            entity.ToTable("routing_decisions");
            entity.HasKey(d => new { d.PetitionId, d.Attempt });
            entity.HasOne<RoutingRequest>().WithMany().HasForeignKey(d => d.PetitionId);
        });
        modelBuilder.Entity<Termination>(entity =>
        {
            entity.ToTable("terminations");
            entity.HasKey(t => t.PetitionId);
            entity.HasOne<RoutingRequest>().WithMany().HasForeignKey(t => t.PetitionId);
        });
        modelBuilder.Entity<Region>(entity => entity.HasKey(r => r.Code));
        modelBuilder.Entity<UnitKind>(entity => entity.HasKey(u => u.Unit));
        modelBuilder.Entity<Organization>(entity => entity.HasKey(o => o.Id));
        modelBuilder.Entity<ClassificationEntry>(entity => entity.HasKey(t => t.Topic));
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddHolidayNotices();
    }
}
