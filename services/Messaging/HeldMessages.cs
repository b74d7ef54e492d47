using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using OpenTelemetry;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.Messaging;

/// <summary>What the hold filter, the release worker and the operators' replay share about held messages.</summary>
internal static class HeldMessages
{
    /// <summary>How many times a message has been sent back to its queue; absent on its first delivery.</summary>
    public const string RedeliveriesHeader = "PetitionPlatform-Redeliveries";

    /// <summary>The queue name without the virtual host: in this platform, one consumer.</summary>
    public static string QueueOf(ReceiveContext context) =>
        context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    /// <summary>
    /// The message as its envelope carries it (the error pipe runs outside any consumer, so no type is known): its id,
    /// the contract named by its most specific message type, the contract's JSON (what the outbox stores too), and how
    /// many times it was sent back already.
    /// </summary>
    public static HeldMessage FromEnvelope(ReceiveContext context, string consumer)
    {
        using var envelope = JsonDocument.Parse(context.Body.GetBytes());
        var root = envelope.RootElement;
        var urn = root.GetProperty("messageType")[0].GetString() ?? throw new InvalidOperationException("The message names no type.");
        var type = ContractTypes.Resolve(urn.Replace("urn:message:", "", StringComparison.Ordinal).Replace(':', '.'));
        var message = root.GetProperty("message");
        var redeliveries = root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
            && headers.TryGetProperty(RedeliveriesHeader, out var count) && count.TryGetInt32(out var sent) ? sent : 0;
        return new HeldMessage
        {
            MessageId = root.GetProperty("messageId").GetGuid(),
            Consumer = consumer,
            MessageType = ContractTypes.NameOf(type),
            Body = message.GetRawText(),
            PetitionId = message.TryGetProperty("petitionId", out var id) && id.TryGetGuid(out var petitionId) ? petitionId : null,
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
            Redeliveries = redeliveries,
            LastError = "",
        };
    }

    public static string Reason(Exception failure) =>
        failure.Message.Length > 2000 ? failure.Message[..2000] : failure.Message;

    public static KeyValuePair<string, object?>[] Tags(string queue, string messageType) =>
    [
        new("messaging.destination.name", queue),
        new("messaging.message.type", messageType),
    ];

    /// <summary>
    /// Sends a held message back to its own queue only (not to every service, as a publish would), with its own
    /// MessageId, so the inbox still recognises a copy that was processed after all, and in the trace it came from.
    /// </summary>
    public static async Task SendBackAsync(ISendEndpointProvider endpoints, HeldMessage held, int redeliveries, CancellationToken cancellationToken)
    {
        var type = ContractTypes.Resolve(held.MessageType);
        var payload = JsonSerializer.Deserialize(held.Body, type, Outbox.Json)
            ?? throw new InvalidOperationException($"Held message {held.MessageId} has an empty body.");

        ActivityContext.TryParse(held.TraceParent, held.TraceState, out var parent);
        using var traced = SuppressInstrumentationScope.Begin(false);
        using var activity = MessagingTelemetry.Source.StartActivity($"redeliver {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", held.MessageId.ToString());
        activity?.SetTag("messaging.destination.name", held.Consumer);
        PetitionAttributes.TagFrom(activity, payload);

        var endpoint = await endpoints.GetSendEndpoint(new Uri($"queue:{held.Consumer}"));
        await endpoint.Send(payload, type, context =>
        {
            context.MessageId = held.MessageId;
            context.Headers.Set(RedeliveriesHeader, redeliveries);
        }, cancellationToken);
    }
}
