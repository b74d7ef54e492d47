using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Routing.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Routing.Data;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<RoutingRequest> RoutingRequests => Set<RoutingRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RoutingRequest>(entity =>
        {
            entity.ToTable("routing_requests");
            entity.HasKey(p => p.PetitionId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
