namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>
/// Intake's events in one server's databases (live or restored) beside what each consumer elsewhere has processed of
/// them: the inbox rows of intake's messages, grouped by consumer (receive queue). A consumer of an event intake has
/// never published is not seen, which a mid-run check can live with: it asks what was lost, not who subscribes.
/// </summary>
internal sealed record IntakeDeliveries(
    IReadOnlyList<(Guid Id, string Type, bool Waiting)> Events,
    IReadOnlyDictionary<string, (IReadOnlySet<string> Types, IReadOnlySet<Guid> Seen)> Consumers)
{
    public static async Task<IntakeDeliveries> ReadAsync(Func<string, string> connect)
    {
        var events = await FlowSnapshot.QueryAsync(connect("intakedb"), "SELECT id, message_type, sent_at IS NULL FROM outbox_messages",
            reader => (Id: reader.GetGuid(0), Type: reader.GetString(1), Waiting: reader.GetBoolean(2)));
        // Matched by message id (the outbox row's id is the message's): an inbox names types in its own way.
        var typeOf = events.ToDictionary(e => e.Id, e => e.Type);
        var consumers = new Dictionary<string, (IReadOnlySet<string>, IReadOnlySet<Guid>)>();
        foreach (var database in new[] { "routingdb", "handlingdb", "supervisiondb", "notificationdb" })
        {
            var rows = await FlowSnapshot.QueryAsync(connect(database), "SELECT consumer, message_id FROM inbox_messages",
                reader => (Consumer: reader.GetString(0), Message: reader.GetGuid(1)));
            foreach (var consumer in rows.Where(r => typeOf.ContainsKey(r.Message)).GroupBy(r => r.Consumer))
            {
                consumers[consumer.Key] = (consumer.Select(r => typeOf[r.Message]).ToHashSet(), consumer.Select(r => r.Message).ToHashSet());
            }
        }

        return new IntakeDeliveries(events, consumers);
    }

    /// <summary>Events intake counts as delivered (sent) of the given types, which a consumer of those types must have processed.</summary>
    public HashSet<Guid> Sent(IReadOnlySet<string> types) => Events.Where(e => !e.Waiting && types.Contains(e.Type)).Select(e => e.Id).ToHashSet();

    public HashSet<Guid> All => Events.Select(e => e.Id).ToHashSet();

    /// <summary>Nothing waits in intake's outbox and every consumer has processed every event of its types.</summary>
    public bool Delivered => Events.All(e => !e.Waiting) && Consumers.Values.All(c => Sent(c.Types).IsSubsetOf(c.Seen));
}
