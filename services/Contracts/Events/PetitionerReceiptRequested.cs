namespace PetitionPlatform.Contracts;

/// <summary>
/// Intake asks notification to send the petitioner the receipt (回执) with the number and the query code. It is the
/// only message that carries the code, because delivering it is the point, and only notification consumes it.
/// </summary>
/// <param name="TrackingCode">No longer sent: the code travels sealed (<paramref name="SealedTrackingCode"/>). Kept for
/// messages published before, which notification still reads.</param>
/// <param name="SealedTrackingCode">The query code sealed with the keys only intake and notification hold (base64).</param>
public sealed record PetitionerReceiptRequested(
    Guid PetitionId,
    string Number,
    string? TrackingCode,
    string Channel,
    DateTimeOffset OccurredAt,
    string? SealedTrackingCode = null) : IPetitionEvent;
