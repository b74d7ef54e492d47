namespace PetitionPlatform.Contracts;

/// <summary>
/// Every event about a petition names it and says when it happened, so that any consumer (and the
/// inbox, which records which petition a processed message concerned) can correlate without parsing.
/// </summary>
public interface IPetitionEvent
{
    Guid PetitionId { get; }

    DateTimeOffset OccurredAt { get; }
}
