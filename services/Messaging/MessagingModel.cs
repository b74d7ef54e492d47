using Microsoft.EntityFrameworkCore;

namespace PetitionPlatform.Messaging;

public static class MessagingModel
{
    /// <summary>Maps the outbox and inbox tables (created by the platform migration) into a service's context.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Ignore(m => m.Payload);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
        });
        modelBuilder.Entity<HeldMessage>(held =>
        {
            held.ToTable("held_messages");
            held.HasKey(m => new { m.MessageId, m.Consumer });
            held.Property(m => m.Body).HasColumnType("jsonb");
        });
        return modelBuilder;
    }
}
