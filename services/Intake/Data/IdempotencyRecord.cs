namespace PetitionPlatform.Intake.Data;

/// <summary>
/// The first answer given to an <c>Idempotency-Key</c>, kept so a retried request gets that answer and registers
/// nothing new. The answer holds the query code, so it is stored encrypted.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }

    public required byte[] RequestHash { get; init; }

    public Guid PetitionId { get; init; }

    public required byte[] ResponseCipher { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
