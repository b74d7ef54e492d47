namespace PetitionPlatform.Contracts;

/// <summary>
/// Intake asks notification to send the petitioner the receipt (回执) with the number and the query code. It is the
/// only message that carries the code itself, because delivering it is the point; only notification consumes it.
/// </summary>
public sealed record PetitionerReceiptRequested(
    Guid PetitionId,
    string Number,
    string TrackingCode,
    string Channel,
    DateTimeOffset OccurredAt) : IPetitionEvent;
